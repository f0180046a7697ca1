package dev.cairn.rego.test;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cairn.rego.Location;
import dev.cairn.rego.ast.Expr;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.ast.Rule;
import dev.cairn.rego.internal.eval.Tracer;

/**
 * Records the lines evaluation reached, as OPA's coverage tracer does: the line of every
 * expression evaluated, and the head line of every rule that produced a value. The lines
 * of the other rule heads and expressions are what {@link #report} lists as not covered.
 * One instance collects over all tests of a run.
 */
final class Coverage implements Tracer {

	private final Map<String, BitSet> hits = new TreeMap<>();

	@Override
	public void expr(Expr expr) {
		hit(expr.location());
	}

	@Override
	public void ruleExit(Rule rule) {
		hit(rule.head().location());
	}

	private void hit(Location location) {
		if (!location.file().isEmpty()) {
			this.hits.computeIfAbsent(location.file(), (f) -> new BitSet()).set(location.row());
		}
	}

	/** The covered and not covered lines of {@code modules}. */
	CoverageReport report(List<Module> modules) {
		Map<String, BitSet> covered = new TreeMap<>();
		this.hits.forEach((file, rows) -> covered.put(file, (BitSet) rows.clone()));
		Map<String, BitSet> notCovered = new TreeMap<>();
		for (Module module : modules) {
			BitSet hit = covered.computeIfAbsent(module.file(), (f) -> new BitSet());
			BitSet missed = notCovered.computeIfAbsent(module.file(), (f) -> new BitSet());
			CoverableLines.of(module, (checked, reported) -> {
				if (!hit.get(checked)) {
					missed.set(reported);
				}
			});
		}
		return CoverageReport.of(covered, notCovered);
	}

}
