package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.Location;
import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.TemplateString;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;

/**
 * The compiler's stages, in OPA's order: imports and names shadowing root documents,
 * local variable declarations, rule conflicts, calls, the safety of heads and then of
 * bodies (ordering each body once, for every evaluation to come), and recursion. Each
 * stage reports all it finds; the first stage with errors ends compilation.
 */
final class Compiler {

	private final RuleNode root;

	private final Calls calls;

	Compiler(RuleNode root, Calls calls) {
		this.root = root;
		this.calls = calls;
	}

	static void stage(Consumer<Problems> stage) {
		Problems problems = new Problems();
		stage.accept(problems);
		problems.check();
	}

	/** Checks the modules and returns them with their bodies in evaluation order. */
	List<Module> modules(List<Module> modules) {
		stage((p) -> Declarations.duplicateImports(modules, p));
		stage((p) -> Declarations.rootShadowing(modules, p));
		stage((p) -> modules.forEach((m) -> m.rules().forEach((r) -> new LocalVars(p).rule(r))));
		stage((p) -> Declarations.conflicts(this.root, modules, p));
		stage((p) -> modules.forEach((m) -> {
			Walk w = CallChecks.walker(this.calls, names(m), p);
			m.rules().forEach(w::rule);
		}));
		stage((p) -> modules.forEach((m) -> m.rules().forEach((r) -> heads(r, names(m), p))));
		List<Module> ordered = new ArrayList<>();
		stage((p) -> {
			for (Module m : modules) {
				Names names = names(m);
				List<Rule> rules = new ArrayList<>();
				m.rules().forEach((r) -> rules.add(order(r, names, p)));
				ordered.add(new Module(m.file(), m.pkg(), m.imports(), rules, m.annotations(), m.comments()));
			}
		});
		return ordered;
	}

	/** The type check, last, as in OPA. */
	void types(List<Module> modules) {
		stage((p) -> modules.forEach((m) -> {
			Walk w = ArgTypes.walker(this.calls, names(m), p);
			m.rules().forEach(w::rule);
		}));
	}

	/** Checks a query and returns it in evaluation order. */
	Body query(Body query) {
		Names names = Names.query(this.root);
		stage((p) -> Declarations.rootShadowingInQuery(query.exprs(), p));
		stage((p) -> new LocalVars(p).query(query.exprs()));
		stage((p) -> CallChecks.walker(this.calls, names, p).body(query.exprs()));
		Body[] out = { null };
		stage((p) -> {
			Map<String, Location> unsafe = new java.util.LinkedHashMap<>();
			out[0] = ordering(names, unsafe).body(query, Set.of()).body();
			report(unsafe, p);
		});
		stage((p) -> ArgTypes.walker(this.calls, names, p).body(out[0].exprs()));
		return out[0];
	}

	/** A term with its nested bodies ordered, for terms evaluated on their own. */
	Term term(Term t) {
		return ordering(Names.query(this.root), new HashMap<>()).term(t, Set.of(), t.location());
	}

	private Names names(Module m) {
		return new Names(this.root, m, CompiledPolicy.packagePath(m));
	}

	private Ordering ordering(Names names, Map<String, Location> unsafe) {
		return new Ordering(names::isDocument, (c) -> this.calls.arity(c, names),
				(name) -> this.calls.builtinArity().applyAsInt(name) >= 0, unsafe);
	}

	/** Head variables must be arguments or appear in the body. */
	private void heads(Rule rule, Names names, Problems problems) {
		for (Rule branch = rule; branch != null; branch = branch.elseRule()) {
			Set<String> safe = args(branch.head());
			branch.body().exprs().forEach((e) -> VarSets.shallow(e, safe));
			Ordering ordering = ordering(names, new HashMap<>());
			Set<String> unsafe = new java.util.LinkedHashSet<>();
			for (Term t : headTerms(branch.head())) {
				unsafe.addAll(ordering.unbound(t, safe));
			}
			for (String name : unsafe) {
				if (!name.startsWith("$")) {
					problems.add(ErrorCode.UNSAFE_VAR_ERROR, branch.location(), "var " + name + " is unsafe");
				}
			}
		}
	}

	private static List<Term> headTerms(RuleHead head) {
		List<Term> terms = new ArrayList<>(head.ref().terms().subList(1, head.ref().terms().size()));
		if (head.key() != null) {
			terms.add(head.key());
		}
		if (head.value() != null) {
			terms.add(head.value());
		}
		return terms;
	}

	private static Set<String> args(RuleHead head) {
		Set<String> vars = new HashSet<>();
		for (Term arg : head.args()) {
			if (!(arg instanceof TemplateString)) {
				VarSets.shallow(arg, vars);
			}
		}
		vars.remove(Var.WILDCARD);
		return vars;
	}

	private Rule order(Rule rule, Names names, Problems problems) {
		Rule elseRule = (rule.elseRule() != null) ? order(rule.elseRule(), names, problems) : null;
		Map<String, Location> unsafe = new java.util.LinkedHashMap<>();
		Ordering ordering = ordering(names, unsafe);
		Ordering.Ordered body = ordering.body(rule.body(), args(rule.head()));
		RuleHead h = rule.head();
		Location at = rule.location();
		List<Term> refTerms = new ArrayList<>();
		h.ref().terms().forEach((t) -> refTerms.add(ordering.term(t, body.safe(), at)));
		RuleHead head = new RuleHead(h.location(), new dev.cairn.rego.ast.Ref(h.ref().location(), refTerms), h.args(),
				(h.key() != null) ? ordering.term(h.key(), body.safe(), at) : null,
				(h.value() != null) ? ordering.term(h.value(), body.safe(), at) : null, h.assign(), h.valueGenerated());
		report(unsafe, problems);
		return new Rule(rule.location(), rule.isDefault(), head, body.body(), elseRule, rule.bodyGenerated(),
				rule.annotations());
	}

	private static void report(Map<String, Location> unsafe, Problems problems) {
		unsafe.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Problems.BY_POSITION))
			.forEach((e) -> problems.add(ErrorCode.UNSAFE_VAR_ERROR, e.getValue(), "var " + e.getKey() + " is unsafe"));
	}

}
