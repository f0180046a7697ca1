package dev.cairn.goldenpath;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of a rendered repository.
 *
 * @param path relative, {@code /}-separated
 * @param content the bytes to write (the array is not copied: do not change it)
 * @param executable whether the file is to be written executable
 */
public record RenderedFile(String path, byte[] content, boolean executable) {

	public RenderedFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(content, "content");
	}

	/** The content as UTF-8 text. */
	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

}
