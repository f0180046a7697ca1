package dev.cairn.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Reads every {@code .yaml}/{@code .yml} file under a folder, recursively, each possibly
 * holding several documents, and follows {@code Location} entities to the files they
 * target (relative paths and globs, as Backstage resolves them). A file is read once
 * however many locations point at it. Each entity gets Backstage's
 * {@code managed-by-location} and {@code managed-by-origin-location} annotations.
 */
public final class FolderCatalogSource implements CatalogSource, AutoCloseable {

	static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";

	static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";

	private final Path root;

	private final boolean temporary;

	public FolderCatalogSource(Path root) {
		this(root, false);
	}

	private FolderCatalogSource(Path root, boolean temporary) {
		this.root = root.toAbsolutePath().normalize();
		this.temporary = temporary;
	}

	/**
	 * A source over a folder that belongs to it, deleted when the source is closed (after
	 * whatever watches it has stopped, since Spring closes dependents first).
	 */
	static FolderCatalogSource temporary(Path root) {
		return new FolderCatalogSource(root, true);
	}

	@Override
	public void close() throws IOException {
		if (this.temporary) {
			FileSystemUtils.deleteRecursively(this.root);
		}
	}

	public Path root() {
		return this.root;
	}

	@Override
	public String describe() {
		return this.root.toString();
	}

	@Override
	public Catalog load() {
		if (!Files.isDirectory(this.root)) {
			throw new CatalogSourceException("catalog folder " + this.root + " does not exist or is not a folder");
		}
		CatalogBuilder builder = new CatalogBuilder();
		Deque<Path> queue = new ArrayDeque<>(yamlFilesUnder(this.root));
		Map<Path, String> origins = new HashMap<>();
		Set<Path> read = new HashSet<>();
		while (!queue.isEmpty()) {
			Path file = queue.poll();
			if (!read.add(file)) {
				continue;
			}
			String location = "file:" + file;
			String origin = origins.getOrDefault(file, location);
			readFile(file, location, origin, builder, (target) -> {
				if (!read.contains(target)) {
					origins.putIfAbsent(target, origin);
					queue.addFirst(target);
				}
			});
		}
		return builder.build(describe(), Instant.now());
	}

	private void readFile(Path file, String location, String origin, CatalogBuilder builder,
			java.util.function.Consumer<Path> follow) {
		String display = display(file);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			builder.problem(new CatalogProblem(CatalogProblem.Severity.ERROR, display + ":1", null,
					"file is not valid UTF-8; nothing in it was loaded"));
			return;
		}
		catch (IOException ex) {
			builder.problem(new CatalogProblem(CatalogProblem.Severity.ERROR, display + ":1", null,
					"cannot read file: " + ex.getMessage()));
			return;
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put(MANAGED_BY_LOCATION, location);
		annotations.put(MANAGED_BY_ORIGIN_LOCATION, origin);
		for (YamlDocuments.Document document : YamlDocuments.read(text)) {
			if (document.error() != null) {
				builder.problem(new CatalogProblem(CatalogProblem.Severity.ERROR, display + ":" + document.line(), null,
						document.error() + "; this document was not loaded"));
				continue;
			}
			EntityReader.Read result = EntityReader.read(document.value(), document::lineOf, display, annotations);
			builder.add(result);
			if (result.entity() != null && "Location".equals(result.entity().kind())) {
				followLocation(result.entity(), file, builder, follow);
			}
		}
	}

	private void followLocation(Entity location, Path file, CatalogBuilder builder,
			java.util.function.Consumer<Path> follow) {
		String type = location.specString("type");
		boolean optional = "optional".equals(location.specString("presence"));
		List<String> targets = new ArrayList<>();
		if (location.specString("target") != null) {
			targets.add(location.specString("target"));
		}
		targets.addAll(location.specStrings("targets"));
		for (String target : targets) {
			if (type != null && !"file".equals(type)) {
				warn(builder, location, "target \"" + target + "\" has type " + type
						+ "; the folder source reads only file targets (use the Backstage source for url locations)");
				continue;
			}
			String relative = target.startsWith("file:") ? target.substring(5) : target;
			Path base = file.getParent();
			List<Path> matches = hasGlob(relative) ? glob(base, relative) : List.of(base.resolve(relative).normalize());
			if (matches.isEmpty() || (matches.size() == 1 && !Files.isRegularFile(matches.get(0)))) {
				if (!optional) {
					warn(builder, location, "target \"" + target + "\" was not found");
				}
				continue;
			}
			for (Path match : matches) {
				if (!match.toAbsolutePath().normalize().startsWith(this.root)) {
					warn(builder, location, "target \"" + target + "\" is outside the catalog folder and was not read");
					continue;
				}
				follow.accept(match.toAbsolutePath().normalize());
			}
		}
	}

	private static void warn(CatalogBuilder builder, Entity location, String message) {
		builder.problem(new CatalogProblem(CatalogProblem.Severity.WARNING, location.origin(),
				location.ref().toString(), message));
	}

	private static boolean hasGlob(String path) {
		return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('{') >= 0 || path.indexOf('[') >= 0;
	}

	private static List<Path> glob(Path base, String pattern) {
		Path absolute = base.resolve(pattern).normalize();
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
		Path walkFrom = base;
		for (Path part : base.relativize(absolute)) {
			if (hasGlob(part.toString())) {
				break;
			}
			walkFrom = walkFrom.resolve(part);
		}
		if (!Files.isDirectory(walkFrom)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(walkFrom)) {
			return files.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	static List<Path> yamlFilesUnder(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).filter((path) -> {
				String name = path.getFileName().toString();
				return name.endsWith(".yaml") || name.endsWith(".yml");
			}).map((path) -> path.toAbsolutePath().normalize()).sorted().toList();
		}
		catch (IOException ex) {
			throw new CatalogSourceException("cannot list catalog folder " + root + ": " + ex.getMessage(), ex);
		}
	}

	private String display(Path file) {
		return file.startsWith(this.root) ? this.root.relativize(file).toString() : file.toString();
	}

}
