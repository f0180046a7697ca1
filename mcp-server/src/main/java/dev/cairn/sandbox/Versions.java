package dev.cairn.sandbox;

import java.util.Comparator;

/** Semantic versions, {@code major.minor.patch}, as the sandbox's image tags. */
final class Versions {

	/** Orders versions numerically; a tag that is not one sorts first. */
	static final Comparator<String> ORDER = Comparator.comparingLong(Versions::weight);

	private Versions() {
	}

	static String nextMinor(String version) {
		int[] parts = parts(version);
		return parts[0] + "." + (parts[1] + 1) + ".0";
	}

	static String nextPatch(String version) {
		int[] parts = parts(version);
		return parts[0] + "." + parts[1] + "." + (parts[2] + 1);
	}

	static String max(String first, String second) {
		if (first == null) {
			return second;
		}
		if (second == null) {
			return first;
		}
		return (ORDER.compare(first, second) >= 0) ? first : second;
	}

	private static long weight(String version) {
		int[] parts = parts(version);
		return parts[0] * 1_000_000_000L + parts[1] * 100_000L + parts[2];
	}

	private static int[] parts(String version) {
		int[] parts = new int[3];
		String[] split = (version != null) ? version.replaceFirst("^v", "").split("[.-]") : new String[0];
		for (int i = 0; i < 3 && i < split.length; i++) {
			try {
				parts[i] = Integer.parseInt(split[i]);
			}
			catch (NumberFormatException ex) {
				parts[i] = 0;
			}
		}
		return parts;
	}

}
