package dev.cairn.rego.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.NetworkAccess;
import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.QueryResult;
import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Term;
import dev.cairn.rego.internal.eval.Evaluator;
import dev.cairn.rego.internal.parser.RegoParser;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * Runs one case through the public API and judges the outcome as OPA's own test driver
 * does: rows compare as a set, sets inside values compare as their sorted arrays, and an
 * expected error matches on its code or on a substring of its message.
 */
final class CaseRunner {

	private CaseRunner() {
	}

	/** {@code null} when the case passes, else why it failed. */
	static String run(ConformanceCase c, long timeoutMillis) {
		QueryResult result;
		try {
			Rego.Builder builder = Rego.builder()
				.experimentalKeywords(c.experimentalKeywords())
				.strictBuiltinErrors(c.strictError())
				.timeoutMillis(timeoutMillis)
				// OPA runs these cases with the network open; the only host they resolve
				// is
				// this machine's own name.
				.network(NetworkAccess.hosts("localhost"));
			for (int i = 0; i < c.modules().size(); i++) {
				builder.module("test-" + i + ".rego", c.modules().get(i));
			}
			if (c.data() != null && !c.data().isNull()) {
				builder.data(Values.fromJson(c.data()));
			}
			PreparedQuery query = builder.build().prepare(c.query());
			result = query.evaluate(input(c));
		}
		catch (RegoException ex) {
			if (ex.code() == ErrorCode.EVAL_INTERNAL_ERROR && ex.getCause() != null
					&& !(ex.getCause() instanceof RegoException)) {
				// An engine bug wrapped by the facade: never a pass, whatever was
				// expected.
				return "crashed: " + ex.getCause();
			}
			return judgeError(c, ex);
		}
		if (c.expectsError()) {
			return "expected error " + ((c.wantErrorCode() != null) ? c.wantErrorCode() : c.wantError()) + ", got "
					+ result.rows().size() + " rows";
		}
		if (c.wantDefined() != null) {
			return (c.wantDefined() == result.isDefined()) ? null : "want_defined " + c.wantDefined();
		}
		if (c.wantResult() == null) {
			return null;
		}
		Set<Value> want = new HashSet<>();
		for (Map<String, JsonNode> row : c.wantResult()) {
			ObjectValue.Builder b = ObjectValue.builder();
			row.forEach((k, v) -> b.put(k, normalize(Values.fromJson(v), c.sortBindings())));
			want.add(b.build());
		}
		Set<Value> got = new HashSet<>();
		List<String> printed = new ArrayList<>();
		for (Map<String, Value> row : result.rows()) {
			ObjectValue.Builder b = ObjectValue.builder();
			new TreeMap<>(row).forEach((k, v) -> {
				if (!k.startsWith("$") && !k.startsWith("_")) {
					b.put(k, normalize(Values.fromJson(Values.toJson(v)), c.sortBindings()));
				}
			});
			ObjectValue built = b.build();
			got.add(built);
			printed.add(built.toString());
		}
		return want.equals(got) ? null : "want " + want + ", got " + printed;
	}

	private static Value input(ConformanceCase c) {
		if (c.inputTerm() != null) {
			Term term = RegoParser.parseTerm(c.inputTerm());
			return Evaluator.constant(term);
		}
		return (c.input() != null) ? Values.fromJson(c.input()) : null;
	}

	private static String judgeError(ConformanceCase c, RegoException ex) {
		if (!c.expectsError()) {
			return "unexpected error: " + ex.getMessage();
		}
		if (c.wantErrorCode() != null && !c.wantErrorCode().equals(ex.code().code())) {
			return "want error code " + c.wantErrorCode() + ", got " + ex.getMessage();
		}
		// OPA prints a position as file:row, without the column.
		String opaStyle = ((ex.location() != null) ? ex.location().file() + ":" + ex.location().row() + ": " : "")
				+ ex.code().code() + ": " + ex.detail();
		if (c.wantError() != null && !ex.getMessage().contains(c.wantError()) && !opaStyle.contains(c.wantError())) {
			return "want error containing '" + c.wantError() + "', got " + ex.getMessage();
		}
		return null;
	}

	/**
	 * With {@code sort_bindings}, a binding's array is compared regardless of order, as
	 * OPA's driver sorts it first.
	 */
	private static Value normalize(Value v, boolean sort) {
		if (sort && v instanceof ArrayValue a) {
			List<Value> sorted = new ArrayList<>(a.elements());
			sorted.sort(null);
			return ArrayValue.of(sorted);
		}
		return v;
	}

}
