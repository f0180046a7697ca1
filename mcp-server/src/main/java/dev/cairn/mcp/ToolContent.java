package dev.cairn.mcp;

import java.util.Objects;

/**
 * Content a tool returns after its text: a picture, a sound, or a document quoted whole.
 * Most tools need none; the text stays what an agent reads first, so these only ever
 * follow it.
 */
public sealed interface ToolContent {

	/**
	 * An image.
	 *
	 * @param data the image bytes, base64-encoded
	 * @param mimeType for example {@code image/png}
	 */
	record Image(String data, String mimeType) implements ToolContent {

		public Image {
			Objects.requireNonNull(data, "data");
			Objects.requireNonNull(mimeType, "mimeType");
		}

	}

	/**
	 * A sound.
	 *
	 * @param data the audio bytes, base64-encoded
	 * @param mimeType for example {@code audio/wav}
	 */
	record Audio(String data, String mimeType) implements ToolContent {

		public Audio {
			Objects.requireNonNull(data, "data");
			Objects.requireNonNull(mimeType, "mimeType");
		}

	}

	/**
	 * A text document embedded whole, named by its URI so that a client can tell it from
	 * the tool's own words.
	 *
	 * @param uri the document's URI
	 * @param mimeType for example {@code text/plain}
	 * @param text the document
	 */
	record Resource(String uri, String mimeType, String text) implements ToolContent {

		public Resource {
			Objects.requireNonNull(uri, "uri");
			Objects.requireNonNull(mimeType, "mimeType");
			Objects.requireNonNull(text, "text");
		}

	}

}
