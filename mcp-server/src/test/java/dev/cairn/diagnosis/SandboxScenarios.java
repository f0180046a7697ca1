package dev.cairn.diagnosis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.sandbox.Injection;
import dev.cairn.sandbox.SandboxPlatform;
import dev.cairn.sandbox.SandboxProperties;

/**
 * The embedded sandbox as a parity source: for each failure it can inject, a sandbox on
 * the demo catalog whose clock stands at {@link ParityStates#NOW}, with the failure
 * injected into the service and environment {@link SandboxDiagnosisTests} diagnoses; and
 * a sandbox with nothing injected. Its state is far larger than the hand-built
 * scenarios': every replica of the service and of the services it depends on (so the
 * failing dependency is projected with the service), a request line a second, and a
 * history of releases, each with its CI run.
 */
final class SandboxScenarios {

	private static final CatalogService CATALOG = new CatalogService(
			new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")));

	private SandboxScenarios() {
	}

	static List<ParityScenario> all() {
		SandboxPlatform dependencyFailing = sandbox();
		String dependency = dependencyFailing.inject("checkout-web", "production", "dependency-failing", null)
			.dependency();
		return List.of(injected("missing-config", "order-service", "production", false, "is not set", "exit"),
				injected("oom-killed", "order-service", "production", false, "OOMKilled", "exit 137"),
				injected("image-pull-unbuilt", "payment-api", "staging", false, "was never built", "Run tests"),
				injected("readiness-failing", "cart-service", "production", false, "Readiness probe failed",
						"readiness group is DOWN"),
				injected("unschedulable", "search-service", "production", false, "Insufficient memory"),
				injected("migration-failed", "order-service", "staging", false, "BackoffLimitExceeded",
						"last operation Failed"),
				injected("error-rate-regression", "checkout-web", "production", true, "error rate rose", " 500 "),
				injected("latency-regression", "pricing-service", "production", true, "p99 latency rose", "Slow query"),
				new ParityScenario("sandbox-dependency-failing", dependencyFailing.backends("production"),
						"checkout-web", "production", false,
						List.of("depends on " + dependency, "upstream " + dependency + " unavailable")),
				new ParityScenario("sandbox-healthy", sandbox().backends("production"), "payment-api", "production",
						true, List.of("healthy", "3/3 ready", "error rate", "p99")));
	}

	private static ParityScenario injected(String failure, String service, String environment, boolean needsMetrics,
			String... keyEvidence) {
		SandboxPlatform sandbox = sandbox();
		Injection injection = sandbox.inject(service, environment, failure, null);
		return new ParityScenario("sandbox-" + failure, sandbox.backends(environment), injection.service(),
				injection.environment(), needsMetrics, List.of(keyEvidence));
	}

	/**
	 * A sandbox with nothing injected, its clock standing at the parity scenarios' now.
	 */
	private static SandboxPlatform sandbox() {
		return new SandboxPlatform(CATALOG, Clock.fixed(ParityStates.NOW, ZoneOffset.UTC),
				new SandboxProperties(true, Map.of()));
	}

}
