package dev.cairn.rego;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;

class PrintTests {

	@Test
	void printsEveryCombinationOfOperandValuesAndNeverFails() {
		List<String> lines = new ArrayList<>();
		Rego rego = Rego.builder().module("p.rego", """
				package p

				allow if {
					print("user", input.user, "may", {a | some a in input.actions})
					print("missing:", input.nope)
					some env in ["staging", "production"]
					print(env, count(input.actions))
				}
				""").printHook((location, message) -> lines.add(location + " " + message)).build();
		QueryResult result = rego.prepare("x := data.p.allow")
			.evaluate(Values.parseJson("{\"user\": \"ana\", \"actions\": [\"read\", \"deploy\"]}"));
		assertThat(result.rows()).hasSize(1);
		assertThat(lines).containsExactly("p.rego:4:2 user ana may {\"deploy\", \"read\"}",
				"p.rego:5:2 missing: <undefined>", "p.rego:7:2 staging 2", "p.rego:7:2 production 2");
	}

	@Test
	void outputIsDiscardedByDefault() {
		Rego rego = Rego.builder().module("p.rego", "package p\n\nr if print(\"hello\")\n").build();
		assertThat(rego.prepare("x := data.p.r").evaluate().rows().get(0).get("x").toString()).isEqualTo("true");
	}

}
