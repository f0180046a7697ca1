package dev.cairn.goldenpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a template's skeleton with parameters: validates the parameters against the
 * schema first (nothing is rendered when they are wrong), then replaces every {@code ${{
 * parameters.* }}} and {@code ${{ values.* }}} in file contents and in file and folder
 * names. Binary files are copied as they are.
 */
public final class Renderer {

	/**
	 * Renders into memory.
	 * @throws InvalidParametersException when the schema refuses the parameters, naming
	 * each field
	 * @throws UncheckedIOException when the skeleton cannot be read
	 */
	public RenderedTree render(GoldenPath template, Map<String, Object> given) {
		Map<String, Object> parameters = template.parameters().validate(given);
		Map<String, String> values = DerivedValues.of(parameters);
		Map<String, String> texts = textsOf(parameters);
		TreeMap<String, RenderedFile> files = new TreeMap<>();
		try {
			for (SkeletonFile file : SkeletonFile.readAll(template.skeleton())) {
				String path = render(template, file.path(), file.path(), texts, values);
				checkPath(template, file.path(), path);
				byte[] content = (file.text() != null)
						? render(template, file.path(), file.text(), texts, values).getBytes(StandardCharsets.UTF_8)
						: file.content();
				if (files.put(path, new RenderedFile(path, content, file.executable())) != null) {
					throw new IllegalStateException(
							template.name() + ": two skeleton files render to the same path " + path);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the skeleton of " + template.name(), ex);
		}
		return new RenderedTree(template.name(), parameters, values, files);
	}

	/** Parameters as the text that replaces their references. */
	static Map<String, String> textsOf(Map<String, Object> parameters) {
		Map<String, String> texts = new LinkedHashMap<>();
		parameters.forEach((name, value) -> texts.put(name, (value == null) ? "" : String.valueOf(value)));
		return texts;
	}

	private static String render(GoldenPath template, String file, String text, Map<String, String> parameters,
			Map<String, String> values) {
		try {
			return Placeholders.render(text, parameters, values);
		}
		catch (IllegalArgumentException ex) {
			// An optional parameter without a default, not given, that the skeleton uses.
			throw new InvalidParametersException(
					List.of(template.name() + "/skeleton/" + file + ": " + ex.getMessage()));
		}
	}

	/** A rendered path stays inside the repository. */
	private static void checkPath(GoldenPath template, String skeletonPath, String path) {
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new InvalidParametersException(List.of(template.name() + "/skeleton/" + skeletonPath
						+ ": renders to the path \"" + path + "\", which leaves the repository or has an empty name"));
			}
		}
	}

}
