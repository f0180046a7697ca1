package dev.cairn.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped guardrails over a matrix of principals (owners, non-owners, agents acting
 * for each, an agent acting for nobody, services) × read-only, changing and destructive
 * tools × staging and production × tier-1 and tier-2, with and without a change freeze:
 * every decision agrees with the rules as documented.
 */
class PolicyMatrixTests {

	@TempDir
	Path copy;

	@Test
	void everyCaseDecidesAsTheRulesSay() {
		assertAgrees(new PolicyService(TestInputs.shippedEngine(), TestInputs.CLOCK), PolicyMatrix.cases(false));
	}

	@Test
	void duringAFreezeEveryCaseDecidesAsTheRulesSay() throws IOException {
		copyShipped();
		Path data = this.copy.resolve("data.json");
		Files.writeString(data, Files.readString(data)
			.replace("\"freezes\": []",
					"\"freezes\": [{\"name\": \"year-end\", \"start\": \"2026-11-20T00:00:00Z\", \"end\": \"2026-11-23T00:00:00Z\"}]"));
		RegoPolicyEngine engine = new RegoPolicyEngine(this.copy, TestInputs.ENTRYPOINT, Duration.ofSeconds(5),
				TestInputs.CLOCK);
		assertThat(engine.lastError()).isNull();
		assertAgrees(new PolicyService(engine, TestInputs.CLOCK), PolicyMatrix.cases(true));
	}

	@Test
	void theMatrixCoversEveryOutcome() {
		List<PolicyMatrix.Case> cases = new ArrayList<>(PolicyMatrix.cases(false));
		cases.addAll(PolicyMatrix.cases(true));
		assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
		assertThat(cases.stream().map(PolicyMatrix.Case::expected).distinct())
			.containsExactlyInAnyOrder(PolicyMatrix.Outcome.values());
		assertThat(cases.stream().flatMap((c) -> c.denials().stream()).distinct()).containsExactlyInAnyOrder(
				"agent_without_user", "not_owner", "agent_destructive_in_production", "change_freeze");
	}

	private static void assertAgrees(PolicyService service, List<PolicyMatrix.Case> cases) {
		List<String> disagreements = new ArrayList<>();
		for (PolicyMatrix.Case c : cases) {
			Decision decision = service.decide(c.input());
			String problem = disagreement(c, decision);
			if (problem != null) {
				disagreements.add(c + ": " + problem);
			}
		}
		assertThat(disagreements).as("cases where the policy and the documented rules disagree").isEmpty();
	}

	private static String disagreement(PolicyMatrix.Case c, Decision decision) {
		switch (c.expected()) {
			case ALLOW:
				return decision.allowed() ? null : "expected allow, got " + decision;
			case APPROVAL:
				if (decision instanceof Decision.RequireApproval approval
						&& approval.approvers().equals(List.of(TestInputs.PAYMENTS))) {
					return null;
				}
				return "expected an approval from " + TestInputs.PAYMENTS + ", got " + decision;
			default:
				if (decision instanceof Decision.Deny deny && !deny.policyUnavailable()
						&& new TreeSet<>(deny.reasons()).equals(c.denials()) && deny.hint() != null) {
					return null;
				}
				return "expected a denial for " + c.denials() + ", got " + decision;
		}
	}

	private void copyShipped() throws IOException {
		try (Stream<Path> files = Files.walk(TestInputs.SHIPPED)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = this.copy.resolve(TestInputs.SHIPPED.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

}
