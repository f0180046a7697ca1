package dev.cairn.rego.internal.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.Annotation;
import dev.cairn.rego.ast.Import;
import dev.cairn.rego.ast.Node;
import dev.cairn.rego.ast.Package;
import dev.cairn.rego.ast.Printer;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.lexer.Comment;

/**
 * Finds {@code # METADATA} blocks among the comments, reads them, and attaches each to
 * the first statement after it, as OPA does: a block is the {@code METADATA} comment and
 * the comments on the following lines that start in column 1.
 */
final class Annotations {

	private final String file;

	private Annotations(String file) {
		this.file = file;
	}

	/** The module's annotations, and its package and rules with theirs attached. */
	record Attached(List<Annotation> annotations, Package pkg, List<Rule> rules) {
	}

	static Attached attach(String file, List<Comment> comments, List<Node> statements, Package pkg, List<Rule> rules) {
		return new Annotations(file).run(comments, statements, pkg, rules);
	}

	private Attached run(List<Comment> comments, List<Node> statements, Package pkg, List<Rule> rules) {
		List<Annotation> all = new ArrayList<>();
		Map<Node, List<Annotation>> byNode = new LinkedHashMap<>();
		for (List<Comment> block : blocks(comments)) {
			Location at = new Location(this.file, block.get(0).row(), block.get(0).col());
			Annotation annotation = read(at, block);
			Node node = statements.stream().filter((s) -> s.location().row() > at.row()).findFirst().orElse(null);
			annotation = annotation.withScope(scope(annotation, node));
			all.add(annotation);
			if (node != null) {
				byNode.computeIfAbsent(node, (n) -> new ArrayList<>()).add(annotation);
			}
		}
		if (all.isEmpty()) {
			return new Attached(all, pkg, rules);
		}
		Package annotatedPackage = new Package(pkg.location(), pkg.path(), byNode.getOrDefault(pkg, List.of()));
		List<Rule> annotatedRules = new ArrayList<>();
		for (Rule rule : rules) {
			List<Annotation> own = new ArrayList<>();
			String path = groundPrefix(rule.head().ref());
			for (Rule other : rules) {
				for (Annotation a : byNode.getOrDefault(other, List.of())) {
					boolean document = a.scope().equals("document") && groundPrefix(other.head().ref()).equals(path);
					if (document || (other == rule && a.scope().equals("rule"))) {
						own.add(a);
					}
				}
			}
			annotatedRules.add(own.isEmpty() ? rule : rule.withAnnotations(own));
		}
		return new Attached(all, annotatedPackage, annotatedRules);
	}

	private static List<List<Comment>> blocks(List<Comment> comments) {
		List<List<Comment>> blocks = new ArrayList<>();
		List<Comment> current = null;
		Comment previous = null;
		for (Comment c : comments) {
			if (current != null && previous != null && c.row() == previous.row() + 1 && c.col() == 1) {
				current.add(c);
				previous = c;
				continue;
			}
			current = null;
			if (c.text().strip().startsWith("METADATA")) {
				current = new ArrayList<>();
				current.add(c);
				blocks.add(current);
			}
			previous = c;
		}
		return blocks;
	}

	private Annotation read(Location at, List<Comment> block) {
		StringBuilder yaml = new StringBuilder();
		StringBuilder text = new StringBuilder("# METADATA");
		for (Comment c : block.subList(1, block.size())) {
			String line = c.text().startsWith(" ") ? c.text().substring(1) : c.text();
			yaml.append(line).append('\n');
			text.append("\n# ").append(line);
		}
		if (yaml.toString().isBlank()) {
			throw new ParseFailure(at, 0, "expected METADATA block, found whitespace");
		}
		Map<String, Object> values;
		try {
			values = MetadataYaml.parse(yaml.toString());
		}
		catch (MetadataYaml.YamlException ex) {
			throw new ParseFailure(at, 0, ex.getMessage());
		}
		Object scope = values.get("scope");
		return new Annotation(at, (scope != null) ? String.valueOf(scope) : "", values, text.toString());
	}

	/** The written scope, or the default for what the block precedes; then checked. */
	private String scope(Annotation a, Node node) {
		String scope = a.scope();
		if (scope.isEmpty()) {
			if (node instanceof Rule) {
				scope = Boolean.TRUE.equals(a.values().get("entrypoint")) ? "document" : "rule";
			}
			else if (node instanceof Package) {
				scope = "package";
			}
			else if (node instanceof Import) {
				scope = "import";
			}
		}
		String have = (node == null) ? "" : " (have "
				+ ((node instanceof Rule) ? "rule" : (node instanceof Package) ? "package" : "import") + ")";
		switch (scope) {
			case "rule", "document" -> {
				if (!(node instanceof Rule)) {
					throw new ParseFailure(a.location(), 0,
							"annotation scope '" + scope + "' must be applied to rule" + have);
				}
			}
			case "package", "subpackages" -> {
				if (!(node instanceof Package)) {
					throw new ParseFailure(a.location(), 0,
							"annotation scope '" + scope + "' must be applied to package" + have);
				}
			}
			default -> throw new ParseFailure(a.location(), 0, "invalid annotation scope '" + scope
					+ "'. Use one of 'rule', 'document', 'package', or 'subpackages'");
		}
		return scope;
	}

	/** The rule's path up to its first non-ground component, as text. */
	private static String groundPrefix(Ref ref) {
		List<Term> prefix = new ArrayList<>();
		for (Term t : ref.terms()) {
			if (!prefix.isEmpty() && !t.isGround()) {
				break;
			}
			prefix.add(t);
		}
		return Printer.print(new Ref(ref.location(), prefix));
	}

}
