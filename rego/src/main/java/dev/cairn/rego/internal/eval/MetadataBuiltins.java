package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.rego.ast.Annotation;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Ref;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.compile.RuleEntry;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * {@code rego.metadata.rule()} and {@code rego.metadata.chain()}: the {@code # METADATA}
 * annotations of the rule being evaluated, and the chain from it through its document,
 * package and enclosing packages, in OPA's JSON form ({@code authors} as {@code {name,
 * email}} objects, {@code related_resources} as {@code {ref, description}}).
 */
final class MetadataBuiltins {

	private static final Pattern AUTHOR = Pattern.compile("^(.*?)\\s*<([^<>]+)>$");

	private MetadataBuiltins() {
	}

	static void registerAll() {
		Functions.registerHosted("rego.metadata.rule", 0, (ev, scope, a) -> rule(scope));
		Functions.registerHosted("rego.metadata.chain", 0, (ev, scope, a) -> chain(ev.policy, scope));
	}

	private static Value rule(Scope scope) {
		if (scope.rule() == null) {
			return ObjectValue.EMPTY;
		}
		for (Annotation a : scope.rule().rule().annotations()) {
			if (a.scope().equals("rule")) {
				return json(a);
			}
		}
		return ObjectValue.EMPTY;
	}

	private static Value chain(CompiledPolicy policy, Scope scope) {
		RuleEntry entry = scope.rule();
		if (entry == null) {
			return ArrayValue.EMPTY;
		}
		List<Value> links = new ArrayList<>();
		List<String> path = new ArrayList<>(entry.pkg());
		path.addAll(groundPath(entry.rule().head().ref()));
		Annotation own = first(entry.rule().annotations(), "rule");
		links.add(link(path, own));
		Annotation document = documentAnnotation(policy, entry, path);
		if (document != null) {
			links.add(link(path, document));
		}
		Annotation pkg = packageAnnotation(policy, entry.pkg(), "package");
		if (pkg != null) {
			links.add(link(entry.pkg(), pkg));
		}
		for (int n = entry.pkg().size(); n >= 1; n--) {
			List<String> prefix = entry.pkg().subList(0, n);
			Annotation sub = packageAnnotation(policy, prefix, "subpackages");
			if (sub != null) {
				links.add(link(prefix, sub));
			}
		}
		return ArrayValue.of(links);
	}

	private static Annotation documentAnnotation(CompiledPolicy policy, RuleEntry entry, List<String> path) {
		Annotation mine = first(entry.rule().annotations(), "document");
		if (mine != null) {
			return mine;
		}
		for (Module m : policy.modules()) {
			if (!CompiledPolicy.packagePath(m).equals(entry.pkg())) {
				continue;
			}
			for (Rule r : m.rules()) {
				List<String> other = new ArrayList<>(entry.pkg());
				other.addAll(groundPath(r.head().ref()));
				Annotation a = first(r.annotations(), "document");
				if (a != null && other.equals(path)) {
					return a;
				}
			}
		}
		return null;
	}

	private static Annotation packageAnnotation(CompiledPolicy policy, List<String> pkg, String scope) {
		for (Module m : policy.modules()) {
			if (CompiledPolicy.packagePath(m).equals(pkg)) {
				Annotation a = first(m.pkg().annotations(), scope);
				if (a != null) {
					return a;
				}
			}
		}
		return null;
	}

	private static Annotation first(List<Annotation> annotations, String scope) {
		for (Annotation a : annotations) {
			if (a.scope().equals(scope)) {
				return a;
			}
		}
		return null;
	}

	/**
	 * The leading ground part of a rule's head ref, as strings: {@code p.q} of
	 * {@code p.q[x]}.
	 */
	private static List<String> groundPath(Ref ref) {
		List<String> path = new ArrayList<>();
		for (Term t : ref.terms()) {
			if (t instanceof Var v && path.isEmpty()) {
				path.add(v.name());
			}
			else if (t instanceof StringTerm s) {
				path.add(s.value());
			}
			else {
				break;
			}
		}
		return path;
	}

	private static Value link(List<String> path, Annotation annotation) {
		ObjectValue.Builder link = ObjectValue.builder()
			.put(StringValue.of("path"), ArrayValue.of(path.stream().map(StringValue::of).toList()));
		if (annotation != null) {
			link.put(StringValue.of("annotations"), json(annotation));
		}
		return link.build();
	}

	/** An annotation block in OPA's JSON form, its scope included. */
	static Value json(Annotation a) {
		Map<String, Object> out = new LinkedHashMap<>(a.values());
		out.put("scope", a.scope());
		if (out.get("authors") instanceof List<?> authors) {
			out.put("authors", authors.stream().map(MetadataBuiltins::author).toList());
		}
		if (out.get("related_resources") instanceof List<?> resources) {
			out.put("related_resources",
					resources.stream().map((r) -> (r instanceof String s) ? Map.of("ref", s) : r).toList());
		}
		return Values.fromJava(out);
	}

	private static Object author(Object author) {
		if (!(author instanceof String s)) {
			return author;
		}
		Matcher m = AUTHOR.matcher(s.trim());
		if (m.matches()) {
			Map<String, Object> named = new LinkedHashMap<>();
			if (!m.group(1).isEmpty()) {
				named.put("name", m.group(1));
			}
			named.put("email", m.group(2));
			return named;
		}
		return s.contains("@") && !s.contains(" ") ? Map.of("email", s) : Map.of("name", s);
	}

}
