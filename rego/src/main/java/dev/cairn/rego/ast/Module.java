package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

/**
 * A parsed Rego file.
 *
 * @param file the file or module name used in locations
 * @param pkg the package declaration
 * @param imports the imports in order
 * @param rules the rules in order; a rule with several bodies contributes several entries
 * @param annotations every {@code # METADATA} block in the module, scope resolved
 * @param comments every comment, in order
 */
public record Module(String file, Package pkg, List<Import> imports, List<Rule> rules, List<Annotation> annotations,
		List<Comment> comments) {

	public Module {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(pkg, "pkg");
		imports = List.copyOf(imports);
		rules = List.copyOf(rules);
		annotations = List.copyOf(annotations);
		comments = List.copyOf(comments);
	}

}
