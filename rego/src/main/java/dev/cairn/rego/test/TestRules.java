package dev.cairn.rego.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.ast.RuleHead;
import dev.cairn.rego.ast.StringTerm;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.ast.Var;
import dev.cairn.rego.internal.compile.CompiledPolicy;

/**
 * Finds the test rules of modules as {@code opa test} does: rules whose path, up to the
 * first dynamic part, has a component starting with {@code test_} (run) or
 * {@code todo_test_} (skipped). A test name used twice in a package would merge into one
 * rule, so, as OPA does, the second gets {@code #01}, the third {@code #02}, and each
 * runs on its own.
 */
final class TestRules {

	static final String TEST_PREFIX = "test_";

	static final String SKIP_PREFIX = "todo_test_";

	private TestRules() {
	}

	/** The modules with duplicate test names renamed, and their tests in order. */
	static Found find(List<Module> modules) {
		Map<List<String>, Integer> seen = new HashMap<>();
		List<Module> renamed = new ArrayList<>();
		List<TestCase> tests = new ArrayList<>();
		for (Module module : modules) {
			List<String> pkg = CompiledPolicy.packagePath(module);
			List<Rule> rules = new ArrayList<>();
			for (Rule rule : module.rules()) {
				int at = testComponent(rule.head());
				if (at < 0) {
					rules.add(rule);
					continue;
				}
				List<String> path = new ArrayList<>(pkg);
				path.addAll(staticPath(rule.head(), at));
				String name = path.get(path.size() - 1);
				boolean skip = name.startsWith(SKIP_PREFIX);
				int count = seen.merge(List.copyOf(path), 1, Integer::sum) - 1;
				if (count > 0 && !skip) {
					name = name + String.format("#%02d", count);
					path.set(path.size() - 1, name);
					rule = rename(rule, at, name);
				}
				rules.add(rule);
				tests.add(new TestCase(module, rule, pkg, path.subList(pkg.size(), path.size()), skip));
			}
			renamed.add(new Module(module.file(), module.pkg(), module.imports(), rules, module.annotations(),
					module.comments()));
		}
		return new Found(renamed, tests);
	}

	/**
	 * The index of the head's first static component starting with a test prefix, or -1;
	 * functions are never tests.
	 */
	private static int testComponent(RuleHead head) {
		if (head.kind() == RuleHead.Kind.FUNCTION) {
			return -1;
		}
		List<Term> terms = head.ref().terms();
		for (int i = 0; i < terms.size(); i++) {
			String name = (i == 0) ? head.name() : (terms.get(i) instanceof StringTerm s) ? s.value() : null;
			if (name == null) {
				return -1;
			}
			if (name.startsWith(TEST_PREFIX) || name.startsWith(SKIP_PREFIX)) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> staticPath(RuleHead head, int through) {
		List<String> path = new ArrayList<>(List.of(head.name()));
		for (Term t : head.ref().terms().subList(1, through + 1)) {
			path.add(((StringTerm) t).value());
		}
		return path;
	}

	private static Rule rename(Rule rule, int at, String name) {
		RuleHead h = rule.head();
		List<Term> terms = new ArrayList<>(h.ref().terms());
		Term old = terms.get(at);
		terms.set(at, (at == 0) ? new Var(old.location(), name) : new StringTerm(old.location(), name));
		RuleHead head = new RuleHead(h.location(), new dev.cairn.rego.ast.Ref(h.ref().location(), terms), h.args(),
				h.key(), h.value(), h.assign(), h.valueGenerated());
		return new Rule(rule.location(), rule.isDefault(), head, rule.body(), rule.elseRule(), rule.bodyGenerated(),
				rule.annotations());
	}

	/**
	 * A test rule.
	 *
	 * @param module the module declaring it
	 * @param rule the rule, renamed if its name was taken
	 * @param pkg the package path without {@code data}
	 * @param ref the rule's path in the package up to the test name, for example
	 * {@code [test_allow]}
	 * @param skip whether it is a {@code todo_test_} rule
	 */
	record TestCase(Module module, Rule rule, List<String> pkg, List<String> ref, boolean skip) {

		TestCase {
			pkg = List.copyOf(pkg);
			ref = List.copyOf(ref);
		}

		/** The package as OPA prints it: {@code data.a.b}. */
		String packageName() {
			return RefText.of("data", this.pkg);
		}

		/** The rule's name as OPA prints it: {@code test_x}, {@code p.q.test_x}. */
		String name() {
			return RefText.of(this.ref.get(0), this.ref.subList(1, this.ref.size()));
		}

	}

	/**
	 * What was found.
	 *
	 * @param modules the modules, test rules renamed where needed
	 * @param tests the tests in module order, then rule order
	 */
	record Found(List<Module> modules, List<TestCase> tests) {

		Found {
			modules = List.copyOf(modules);
			tests = List.copyOf(tests);
		}

	}

}
