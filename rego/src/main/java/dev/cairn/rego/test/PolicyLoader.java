package dev.cairn.rego.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.internal.parser.RegoParser;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * Reads folders (recursively) and files as OPA's loader does: {@code .rego} files are
 * modules named by their path, and {@code .json}, {@code .yaml} and {@code .yml} files
 * are data placed under {@code data} at the path of their folder relative to the root
 * given ({@code root/users/data.json} becomes {@code data.users}). Every problem is
 * collected before failing, so one run reports them all.
 */
final class PolicyLoader {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private final List<Module> modules = new ArrayList<>();

	private final List<String> errors = new ArrayList<>();

	private ErrorCode code;

	private ObjectValue data = ObjectValue.EMPTY;

	private PolicyLoader() {
	}

	/**
	 * The modules (sorted by file name) and merged data of {@code paths}.
	 * @throws PolicyLoadException listing every file that could not be loaded
	 */
	static Loaded load(List<Path> paths) {
		PolicyLoader loader = new PolicyLoader();
		for (Path root : paths) {
			loader.root(root);
		}
		if (!loader.errors.isEmpty()) {
			throw new PolicyLoadException((loader.code != null) ? loader.code : ErrorCode.COMPILE_ERROR, loader.errors);
		}
		loader.modules.sort((a, b) -> a.file().compareTo(b.file()));
		return new Loaded(loader.modules, loader.data);
	}

	private void root(Path root) {
		if (Files.isRegularFile(root)) {
			file(root, List.of());
			return;
		}
		if (!Files.isDirectory(root)) {
			this.errors.add(root + ": no such file or directory");
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
				List<String> dataPath = new ArrayList<>();
				root.relativize(file.getParent()).forEach((p) -> {
					if (!p.toString().isEmpty()) {
						dataPath.add(p.toString());
					}
				});
				file(file, dataPath);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			this.errors.add(root + ": " + ex.getMessage());
		}
	}

	private void file(Path file, List<String> dataPath) {
		String name = file.normalize().toString();
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		try {
			if (lower.endsWith(".rego")) {
				this.modules.add(RegoParser.parseModule(name, Files.readString(file, StandardCharsets.UTF_8)));
			}
			else if (lower.endsWith(".json")) {
				merge(name, dataPath, parse(name, () -> Values.parseJson(Files.readString(file))));
			}
			else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
				merge(name, dataPath, parse(name, () -> Values.fromJson(YAML.readTree(file.toFile()))));
			}
		}
		catch (RegoException ex) {
			this.code = (this.code != null) ? this.code : ex.code();
			this.errors.add(ex.getMessage());
		}
		catch (IOException | UncheckedIOException ex) {
			this.errors.add(name + ": " + ex.getMessage());
		}
	}

	private static Value parse(String name, DataReader reader) throws IOException {
		try {
			return reader.read();
		}
		catch (IllegalArgumentException | tools.jackson.core.JacksonException ex) {
			throw new RegoException(ErrorCode.PARSE_ERROR, null, name + ": invalid data file: " + ex.getMessage());
		}
	}

	private void merge(String name, List<String> path, Value value) {
		if (!(Values.nest(path, value) instanceof ObjectValue object)) {
			this.errors.add(name + ": data at the root must be an object, got " + value.typeName());
			return;
		}
		ObjectValue merged = Values.mergeData(this.data, object);
		if (merged == null) {
			this.errors.add(name + ": merge error: its data overlaps data loaded from another file");
			return;
		}
		this.data = merged;
	}

	@FunctionalInterface
	private interface DataReader {

		Value read() throws IOException;

	}

	/**
	 * What was loaded.
	 *
	 * @param modules the modules, sorted by file name
	 * @param data the merged base document
	 */
	record Loaded(List<Module> modules, ObjectValue data) {

		Loaded {
			modules = List.copyOf(modules);
		}

	}

}
