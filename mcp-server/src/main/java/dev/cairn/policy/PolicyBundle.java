package dev.cairn.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * The files of a policy folder that make a revision, read as {@code opa run} and the
 * policy test runner read them: {@code .rego} files are modules; {@code .json},
 * {@code .yaml} and {@code .yml} files are data placed at their folder's path
 * ({@code policies/a/b/data.json} becomes {@code data.a.b}). Tests ({@code *_test.rego})
 * and hidden or editor files ({@code .x}, {@code #x}) are not part of a revision.
 *
 * @param root the folder
 * @param modules module name (its path, as errors will print it) to source, in path order
 * @param data the merged base document
 * @param revision the first 12 hex digits of a SHA-256 over the names and contents of the
 * files read
 */
record PolicyBundle(Path root, Map<String, String> modules, ObjectValue data, String revision) {

	/** The revision reported when no policy is loaded. */
	static final String NO_REVISION = "none";

	/**
	 * Reads a folder.
	 * @throws IOException when the folder or a file cannot be read
	 * @throws IllegalArgumentException for a data file that does not parse, data that
	 * overlaps, or a folder without modules
	 */
	static PolicyBundle read(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			throw new IOException("policy folder " + root + " does not exist");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile)
				.filter((file) -> served(root.relativize(file)))
				.sorted((a, b) -> slashed(root.relativize(a)).compareTo(slashed(root.relativize(b))))
				.toList();
		}
		MessageDigest digest = sha256();
		Map<String, String> modules = new LinkedHashMap<>();
		ObjectValue data = ObjectValue.EMPTY;
		for (Path file : files) {
			String relative = slashed(root.relativize(file));
			byte[] bytes = Files.readAllBytes(file);
			digest.update(relative.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(bytes);
			digest.update((byte) 0);
			String name = file.toString();
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (relative.endsWith(".rego")) {
				modules.put(name, text);
			}
			else {
				data = place(data, root.relativize(file).getParent(), parseData(name, text), name);
			}
		}
		if (modules.isEmpty()) {
			throw new IllegalArgumentException("no .rego files under policy folder " + root);
		}
		String revision = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		return new PolicyBundle(root, modules, data, revision);
	}

	private static boolean served(Path relative) {
		for (Path part : relative) {
			String name = part.toString();
			if (name.startsWith(".") || name.startsWith("#")) {
				return false;
			}
		}
		String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".rego")) {
			return !name.endsWith("_test.rego");
		}
		return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
	}

	private static Value parseData(String name, String text) {
		try {
			if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
				return Values.parseJson(text);
			}
			Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
			return Values.fromJava(yaml.load(text));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(name + ": invalid data file: " + ex.getMessage(), ex);
		}
	}

	private static ObjectValue place(ObjectValue data, Path folder, Value value, String name) {
		List<String> path = new ArrayList<>();
		if (folder != null) {
			folder.forEach((part) -> path.add(part.toString()));
		}
		if (!(Values.nest(path, value) instanceof ObjectValue object)) {
			throw new IllegalArgumentException(name + ": data at the top of the policy folder must be an object");
		}
		ObjectValue merged = Values.mergeData(data, object);
		if (merged == null) {
			throw new IllegalArgumentException(name + ": its data overlaps data from another file");
		}
		return merged;
	}

	private static String slashed(Path relative) {
		return relative.toString().replace('\\', '/');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
