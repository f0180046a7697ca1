package dev.cairn.rego.internal.eval;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.Rego;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;

class RandomBuiltinsTests {

	@Test
	void sameArgumentsDrawOncePerEvaluation() {
		Map<String, Value> row = evaluate("""
				a := {rand.intn("k", 1000000) | numbers.range(1, 50)[_]}
				b := {uuid.rfc4122("k") | numbers.range(1, 50)[_]}
				""");
		assertThat(((SetValue) row.get("a")).size()).isEqualTo(1);
		assertThat(((SetValue) row.get("b")).size()).isEqualTo(1);
	}

	@Test
	void differentNamesDrawSeparately() {
		// 50 draws from a million values: all equal only if the name were ignored.
		Map<String, Value> row = evaluate(
				"a := {rand.intn(sprintf(\"k%d\", [i]), 1000000) | some i in numbers.range(1, 50)}");
		assertThat(((SetValue) row.get("a")).size()).isGreaterThan(1);
	}

	@Test
	void intnStaysBelowTheBoundAndTakesItsMagnitude() {
		Map<String, Value> row = evaluate("""
				a := rand.intn("x", -3)
				b := rand.intn("x", 0)
				""");
		assertThat(((NumberValue) row.get("a")).asLong()).isBetween(0L, 2L);
		assertThat(row.get("b")).isEqualTo(NumberValue.ZERO);
	}

	@Test
	void uuidIsVersionFourRfc4122() {
		Map<String, Value> row = evaluate("u := uuid.rfc4122(\"a\"); p := uuid.parse(u)");
		assertThat(row.get("u").toString())
			.matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
		assertThat(row.get("p").toString()).isEqualTo("{\"variant\": \"RFC4122\", \"version\": 4}");
	}

	@Test
	void parsesTimeBasedUuids() {
		// RFC 9562's version 1 example: 2022-02-22T19:22:22Z.
		Map<String, Value> row = evaluate("p := uuid.parse(\"C232AB00-9414-11EC-B3C8-9F6BDECED846\")");
		assertThat(row.get("p").toString())
			.isEqualTo("{\"clocksequence\": 13256, \"macvariables\": \"local:multicast\", "
					+ "\"nodeid\": \"9f-6b-de-ce-d8-46\", \"time\": 1645557742000000000, \"variant\": \"RFC4122\", \"version\": 1}");
	}

	@Test
	void malformedUuidsAreUndefined() {
		for (String text : List.of("c232ab00-9414-11ec-b3c8-9f6bdeced84", "c232ab00+9414-11ec-b3c8-9f6bdeced846",
				"{c232ab00-9414-11ec-b3c8-9f6bdeced846", "urn:uuix:c232ab00-9414-11ec-b3c8-9f6bdeced846",
				"g232ab0094141 1ecb3c89f6bdeced846")) {
			PreparedQuery q = Rego.builder().build().prepare("p := uuid.parse(\"" + text + "\")");
			assertThat(q.evaluate(null).rows()).as(text).isEmpty();
		}
	}

	private static Map<String, Value> evaluate(String query) {
		List<Map<String, Value>> rows = Rego.builder()
			.build()
			.prepare(query.strip().replace("\n", "; "))
			.evaluate(null)
			.rows();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

}
