package dev.cairn.rego.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.QueryResult;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark policy decides as recorded: each input of the pool against the decision
 * kept in {@code bench/authz-decisions.txt}, so that a faster engine is not a wrong one.
 */
class AuthzPolicyTests {

	private final PreparedQuery query = AuthzFixture.prepare();

	@Test
	void decidesEveryInputOfThePoolAsRecorded() throws IOException {
		List<String> decisions = new ArrayList<>();
		for (Value input : AuthzFixture.inputs(256)) {
			decisions.add(Values.toJsonText(decision(input)));
		}
		assertThat(decisions).containsExactlyElementsOf(recorded());
	}

	@Test
	void allowsReadsToMembersAndDeniesDestructiveToolsForAgents() {
		ObjectValue read = decision(Values.parseJson("""
				{"principal": {"id": "user-1", "kind": "human", "groups": ["team-03"], "tenant": "acme"},
				 "tool": "catalog_get_entity",
				 "resource": {"entity": "component:default/service-0001", "environment": "production"},
				 "request": {"time_ns": 1700200000000000000}}"""));
		assertThat(read.get("allow")).isEqualTo(BoolValue.TRUE);
		ObjectValue delete = decision(Values.parseJson("""
				{"principal": {"id": "agent-1", "kind": "agent", "groups": ["platform-admins"], "tenant": "acme"},
				 "tool": "sandbox_delete",
				 "resource": {"entity": "component:default/service-0001", "environment": "development"},
				 "request": {"time_ns": 1700200000000000000}}"""));
		assertThat(delete.get("allow")).isEqualTo(BoolValue.FALSE);
		assertThat(delete.get("reasons").toString()).contains("destructive tools are denied for agents");
	}

	@Test
	void preparedQueryGivesTheSameDecisionsOnManyThreads() throws Exception {
		List<Value> inputs = AuthzFixture.inputs(64);
		List<String> expected = inputs.stream().map((i) -> decision(i).toString()).toList();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int t = 0; t < 4; t++) {
			Thread thread = new Thread(() -> {
				for (int round = 0; round < 50; round++) {
					for (int i = 0; i < inputs.size(); i++) {
						if (!decision(inputs.get(i)).toString().equals(expected.get(i))) {
							failures.add(new AssertionError("input " + i + " decided differently"));
							return;
						}
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
	}

	private ObjectValue decision(Value input) {
		QueryResult result = this.query.evaluate(input);
		assertThat(result.rows()).hasSize(1);
		return (ObjectValue) result.rows().get(0).get("x");
	}

	private static List<String> recorded() throws IOException {
		try (InputStream in = AuthzPolicyTests.class.getResourceAsStream("/bench/authz-decisions.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
