package dev.cairn.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.test.CoverageReport;
import dev.cairn.rego.test.PolicyTestRunner;
import dev.cairn.rego.test.TestResult;
import dev.cairn.rego.test.TestRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code *_test.rego} tests of the shipped guardrails, run as a platform team runs
 * them ({@code scripts/policy-test.sh}): all pass, at least 90% of the lines are covered,
 * and every reason the policy can give is exercised by a test.
 */
class ShippedPoliciesTests {

	private static final Pattern REASON = Pattern.compile("\"reasons?\": \\[?\"([a-z_]+)\"");

	@Test
	void everyTestPassesAndCoverageIsAtLeastNinetyPercent() {
		TestRun run = PolicyTestRunner.run(List.of(TestInputs.SHIPPED),
				PolicyTestRunner.Options.DEFAULTS.withCoverage(true));
		assertThat(run.results()).hasSizeGreaterThanOrEqualTo(50);
		assertThat(run.results()).filteredOn((result) -> !result.passed()).extracting(TestResult::toString).isEmpty();
		CoverageReport coverage = run.coverage();
		assertThat(coverage.coverage()).isGreaterThanOrEqualTo(90.0);
		Path policy = TestInputs.SHIPPED.resolve("cairn/authz/authz.rego");
		assertThat(coverage.files()).hasEntrySatisfying(policy.toString(),
				(file) -> assertThat(file.coverage()).isGreaterThanOrEqualTo(90.0));
	}

	@Test
	void everyReasonThePolicyGivesIsTested() throws IOException {
		Set<String> given = reasons(Files.readString(TestInputs.SHIPPED.resolve("cairn/authz/authz.rego")));
		assertThat(given).contains("not_owner", "approval_required", "agent_destructive_in_production", "change_freeze",
				"self_escalation", "unidentified", "not_permitted");
		String tests;
		try (Stream<Path> files = Files.list(TestInputs.SHIPPED.resolve("cairn/authz"))) {
			StringBuilder all = new StringBuilder();
			for (Path file : files.filter((f) -> f.toString().endsWith("_test.rego")).sorted().toList()) {
				all.append(Files.readString(file));
			}
			tests = all.toString();
		}
		for (String reason : given) {
			assertThat(tests).as("a test that expects the reason " + reason).contains("\"" + reason + "\"");
		}
	}

	private static Set<String> reasons(String source) {
		Set<String> reasons = new TreeSet<>();
		Matcher matcher = REASON.matcher(source);
		while (matcher.find()) {
			reasons.add(matcher.group(1));
		}
		return reasons;
	}

}
