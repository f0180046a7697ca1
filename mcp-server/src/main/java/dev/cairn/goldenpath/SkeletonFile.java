package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file of a skeleton as read from disk.
 *
 * @param path relative to the skeleton, {@code /}-separated, placeholders unrendered
 * @param content the bytes
 * @param text the content as UTF-8 text, or {@code null} for a binary file (copied as is)
 * @param executable whether the file is executable
 */
record SkeletonFile(String path, byte[] content, String text, boolean executable) {

	/** Every regular file under a skeleton folder, sorted by path. */
	static List<SkeletonFile> readAll(Path skeleton) throws IOException {
		List<SkeletonFile> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(skeleton)) {
			for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
				String path = skeleton.relativize(file).toString().replace('\\', '/');
				byte[] content = Files.readAllBytes(file);
				files.add(new SkeletonFile(path, content, textOf(content), Files.isExecutable(file)));
			}
		}
		return files;
	}

	/**
	 * The content as text, or {@code null} when it is binary (a NUL byte, or not UTF-8).
	 */
	static String textOf(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return null;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
