package dev.cairn.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.diagnosis.Diagnoser;
import dev.cairn.diagnosis.Diagnosis;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.sandbox.SandboxPlatform;
import dev.cairn.sandbox.SandboxProperties;
import dev.cairn.telemetry.ServiceTarget;

/**
 * What a diagnosis costs in process, without MCP or the guard (measured separately by
 * {@link GuardrailsOverhead}): {@code Diagnoser.diagnose} on the sandbox for every
 * deployed service of the demo catalog in both environments, with one of each failure
 * injected so that every analyzer has work (a crashed instance's log, CI, the metric
 * windows, the dependencies). Reports the time per diagnosis by verdict, after a warm-up.
 * <p>
 * Arguments: rounds over all services (default 20).
 */
public final class DiagnosisLatency {

	private static final Map<String, String> FAILURES = new LinkedHashMap<>();

	static {
		FAILURES.put("order-service", "oom-killed");
		FAILURES.put("payment-api", "image-pull-unbuilt");
		FAILURES.put("cart-service", "readiness-failing");
		FAILURES.put("search-service", "unschedulable");
		FAILURES.put("inventory-service", "migration-failed");
		FAILURES.put("checkout-web", "error-rate-regression");
		FAILURES.put("pricing-service", "latency-regression");
		FAILURES.put("web-frontend", "dependency-failing");
		FAILURES.put("auth-service", "missing-config");
	}

	private DiagnosisLatency() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		CatalogService catalogs = new CatalogService(
				new FolderCatalogSource(Path.of("mcp-server/src/main/resources/demo-catalog")));
		Clock clock = Clock.systemUTC();
		SandboxPlatform sandbox = new SandboxPlatform(catalogs, clock, new SandboxProperties(true, Map.of()));
		FAILURES.forEach((service, failure) -> sandbox.inject(service, "production", failure, null));
		Diagnoser diagnoser = new Diagnoser(clock);
		List<ServiceTargets.Resolved> targets = new ArrayList<>();
		for (Entity entity : catalogs.current().entities()) {
			if (!"component".equals(entity.ref().kind())
					|| !entity.metadata().annotations().containsKey(ServiceTarget.KUBERNETES_ID)) {
				continue;
			}
			for (String environment : sandbox.environments()) {
				targets.add(new ServiceTargets.Resolved(catalogs.current(), entity,
						new ServiceTarget(entity.metadata().name(), environment, entity.metadata().annotations()),
						sandbox.backends(environment)));
			}
		}
		for (int i = 0; i < 5; i++) {
			targets.forEach(diagnoser::diagnose);
		}
		Map<Diagnosis.Verdict, List<Long>> byVerdict = new LinkedHashMap<>();
		List<Long> all = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			for (ServiceTargets.Resolved target : targets) {
				long start = System.nanoTime();
				Diagnosis diagnosis = diagnoser.diagnose(target);
				long micros = (System.nanoTime() - start) / 1_000;
				byVerdict.computeIfAbsent(diagnosis.verdict(), (verdict) -> new ArrayList<>()).add(micros);
				all.add(micros);
			}
		}
		System.out.printf("%d diagnoses (%d services x environments, %d rounds), microseconds per diagnosis:%n",
				all.size(), targets.size(), rounds);
		System.out.printf("%-14s %7s %8s %8s %8s%n", "verdict", "count", "p50", "p90", "max");
		byVerdict.forEach((verdict, times) -> print(verdict.name(), times));
		print("all", all);
	}

	private static void print(String label, List<Long> times) {
		long[] values = times.stream().mapToLong(Long::longValue).toArray();
		java.util.Arrays.sort(values);
		System.out.printf("%-14s %7d %8d %8d %8d%n", label, values.length, EntityCalls.percentile(values, 50),
				EntityCalls.percentile(values, 90), values[values.length - 1]);
	}

}
