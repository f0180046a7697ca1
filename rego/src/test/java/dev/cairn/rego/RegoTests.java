package dev.cairn.rego;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegoTests {

	private static final String POLICY = """
			package authz

			default allow := false

			allow if {
				input.user in data.admins
			}

			allow if {
				some grant in data.grants[input.user]
				grant == input.action
			}

			reasons contains msg if {
				not allow
				msg := sprintf("%s may not %s", [input.user, input.action])
			}
			""";

	private final Rego rego = Rego.builder()
		.module("authz.rego", POLICY)
		.data(Values.parseJson("{\"admins\": [\"ana\"], \"grants\": {\"bo\": [\"read\"]}}"))
		.build();

	@Test
	void preparedQueryEvaluatesManyInputs() {
		PreparedQuery allow = this.rego.prepare("x := data.authz.allow");
		assertThat(decision(allow, "{\"user\": \"ana\", \"action\": \"delete\"}")).isEqualTo(BoolValue.TRUE);
		assertThat(decision(allow, "{\"user\": \"bo\", \"action\": \"read\"}")).isEqualTo(BoolValue.TRUE);
		assertThat(decision(allow, "{\"user\": \"bo\", \"action\": \"write\"}")).isEqualTo(BoolValue.FALSE);
	}

	@Test
	void rowsBindTheQueryVariables() {
		QueryResult result = this.rego.prepare("some r in data.authz.reasons; x := r")
			.evaluate(Values.parseJson("{\"user\": \"cy\", \"action\": \"read\"}"));
		assertThat(result.rows()).extracting((row) -> row.get("x").toString()).containsExactly("\"cy may not read\"");
	}

	@Test
	void undefinedQueryHasNoRows() {
		QueryResult result = this.rego.prepare("data.authz.missing").evaluate();
		assertThat(result.isDefined()).isFalse();
		assertThat(result.rows()).isEmpty();
	}

	@Test
	void conflictingCompleteRulesAreAnEvaluationError() {
		Rego conflicting = Rego.builder().module("p.rego", "package p\nx := 1\nx := 2 if true\n").build();
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> conflicting.prepare("data.p.x").evaluate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_CONFLICT_ERROR));
	}

	@Test
	void preparedQueryIsSafeToShareBetweenThreads() throws Exception {
		PreparedQuery allow = this.rego.prepare("x := data.authz.allow");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Value>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String user = (i % 2 == 0) ? "ana" : "zed";
				futures.add(pool.submit(() -> decision(allow, "{\"user\": \"" + user + "\", \"action\": \"x\"}")));
			}
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get()).isEqualTo(BoolValue.of(i % 2 == 0));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void timeLimitStopsLongEvaluations() {
		Rego slow = Rego.builder()
			.module("s.rego",
					"package s\nn := count([x | some a in numbers.range(1, 300); some b in numbers.range(1, 300); "
							+ "some c in numbers.range(1, 300); x := a + b + c])\n")
			.timeoutMillis(50)
			.build();
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> slow.prepare("data.s.n").evaluate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_CANCEL_ERROR));
	}

	@Test
	void arithmeticIsExact() {
		QueryResult result = this.rego.prepare("x := 0.1 + 0.2").evaluate();
		assertThat(result.rows()).containsExactly(Map.of("x", NumberValue.parse("0.3")));
	}

	private static Value decision(PreparedQuery query, String input) {
		QueryResult result = query.evaluate(Values.parseJson(input));
		return result.rows().get(0).get("x");
	}

}
