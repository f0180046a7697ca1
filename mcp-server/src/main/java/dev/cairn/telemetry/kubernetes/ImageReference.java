package dev.cairn.telemetry.kubernetes;

/**
 * The parts of a container image reference
 * ({@code registry:5000/team/app:1.4.2@sha256:...}) that say which build runs.
 */
final class ImageReference {

	private ImageReference() {
	}

	/** The tag, or {@code null} when the reference has none. */
	static String tag(String image) {
		if (image == null) {
			return null;
		}
		String name = image;
		int at = name.indexOf('@');
		if (at >= 0) {
			name = name.substring(0, at);
		}
		// A colon before the last slash belongs to the registry's port, not to a tag.
		int colon = name.lastIndexOf(':');
		return (colon > name.lastIndexOf('/') && colon < name.length() - 1) ? name.substring(colon + 1) : null;
	}

	/** {@code sha256:} and the digest's first 12 hex digits, or {@code null}. */
	static String shortDigest(String image) {
		if (image == null) {
			return null;
		}
		int at = image.indexOf('@');
		if (at < 0) {
			return null;
		}
		String digest = image.substring(at + 1);
		int colon = digest.indexOf(':');
		return (colon >= 0 && digest.length() > colon + 12) ? digest.substring(0, colon + 13) : digest;
	}

}
