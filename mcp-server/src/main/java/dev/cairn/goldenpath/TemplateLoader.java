package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads every template folder of a golden-paths folder. Each folder holds
 * {@code template.yaml} and {@code skeleton/}; a folder with any problem (in its
 * definition, or a skeleton referencing a parameter the schema does not declare) is
 * reported and skipped, and the others load.
 */
public final class TemplateLoader {

	static final String DEFINITION = "template.yaml";

	static final String SKELETON = "skeleton";

	private TemplateLoader() {
	}

	/** Loads the folder; never throws for what is in it. */
	public static TemplateSet load(Path root) {
		List<GoldenPath> templates = new ArrayList<>();
		List<BrokenTemplate> broken = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			broken.add(new BrokenTemplate(root.toString(),
					List.of(new TemplateProblem(root.toString(), null, null, "golden-paths folder does not exist"))));
			return new TemplateSet(root.toString(), templates, broken);
		}
		List<Path> folders;
		try (Stream<Path> list = Files.list(root)) {
			folders = list.filter(Files::isDirectory)
				.filter((folder) -> !folder.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			broken.add(new BrokenTemplate(root.toString(),
					List.of(new TemplateProblem(root.toString(), null, null, "cannot list: " + ex.getMessage()))));
			return new TemplateSet(root.toString(), templates, broken);
		}
		for (Path folder : folders) {
			String name = folder.getFileName().toString();
			List<TemplateProblem> problems = new ArrayList<>();
			loadOne(folder, name, problems).ifPresent(templates::add);
			if (!problems.isEmpty()) {
				broken.add(new BrokenTemplate(name, problems));
			}
		}
		templates.sort(Comparator.comparing(GoldenPath::name));
		return new TemplateSet(root.toString(), templates, broken);
	}

	private static Optional<GoldenPath> loadOne(Path folder, String name, List<TemplateProblem> problems) {
		String file = name + "/" + DEFINITION;
		Path definition = folder.resolve(DEFINITION);
		if (!Files.isRegularFile(definition)) {
			problems.add(new TemplateProblem(file, null, null,
					"missing: a template folder holds " + DEFINITION + " and " + SKELETON + "/"));
			return Optional.empty();
		}
		try {
			Optional<GoldenPath> template = new DefinitionReader(file, problems).read(definition, name);
			Path skeleton = folder.resolve(SKELETON);
			if (!Files.isDirectory(skeleton)) {
				problems.add(new TemplateProblem(name + "/" + SKELETON, null, null,
						"missing: the folder rendered into the new repository"));
				return Optional.empty();
			}
			Set<String> parameters = template.map((loaded) -> loaded.parameters().names()).orElse(null);
			checkSkeleton(name, skeleton, parameters, problems);
			return problems.isEmpty() ? template : Optional.empty();
		}
		catch (IOException ex) {
			problems.add(new TemplateProblem(file, null, null, "cannot read: " + ex.getMessage()));
			return Optional.empty();
		}
	}

	/**
	 * Checks every reference in the skeleton's paths and texts; with no parameters known
	 * (the definition is broken), only malformed references are reported.
	 */
	private static void checkSkeleton(String name, Path skeleton, Set<String> parameters,
			List<TemplateProblem> problems) throws IOException {
		for (SkeletonFile file : SkeletonFile.readAll(skeleton)) {
			String where = name + "/" + SKELETON + "/" + file.path();
			for (Placeholders.Reference reference : Placeholders.scan(file.path())) {
				report(where, null, "path", reference, parameters, problems);
			}
			if (file.text() != null) {
				for (Placeholders.Reference reference : Placeholders.scan(file.text())) {
					report(where, reference.line(), null, reference, parameters, problems);
				}
			}
		}
	}

	private static void report(String where, Integer line, String field, Placeholders.Reference reference,
			Set<String> parameters, List<TemplateProblem> problems) {
		if (parameters == null && !reference.malformed()) {
			return;
		}
		String problem = problemWith(reference, (parameters != null) ? parameters : Set.of());
		if (problem != null) {
			problems.add(new TemplateProblem(where, line, field, problem));
		}
	}

	/** What is wrong with a reference, or {@code null} when it resolves. */
	static String problemWith(Placeholders.Reference reference, Set<String> parameters) {
		if (reference.malformed()) {
			return "unsupported expression " + reference.expression()
					+ ": write ${{ parameters.<name> }} or ${{ values.<name> }}";
		}
		if (reference.namespace().equals("parameters") && !parameters.contains(reference.name())) {
			return "unknown parameter " + reference.name() + " in " + reference.expression()
					+ "; spec.parameters declares " + String.join(", ", new TreeSet<>(parameters));
		}
		if (reference.namespace().equals("values") && !DerivedValues.NAMES.contains(reference.name())) {
			return "unknown value " + reference.name() + " in " + reference.expression() + "; the values are "
					+ String.join(", ", new TreeSet<>(DerivedValues.NAMES));
		}
		return null;
	}

}
