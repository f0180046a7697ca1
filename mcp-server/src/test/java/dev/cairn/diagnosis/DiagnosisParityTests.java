package dev.cairn.diagnosis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.catalog.RelationType;
import dev.cairn.inspection.ServiceTargets;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.MetricQuery;
import dev.cairn.telemetry.MetricResult;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.NamedMetric;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.projection.MetricProjection;
import dev.cairn.telemetry.projection.Projection;
import dev.cairn.telemetry.prometheus.RealPrometheus;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Each scenario diagnosed twice: through the platform's own ports, and through the real
 * adapters (Kubernetes, Prometheus, Loki, Argo CD, GitHub Actions) reading the same state
 * projected onto the backends' stand-ins; both must reach the same diagnosis
 * ({@link DiagnosisComparison}).
 *
 * <p>
 * One real Prometheus holds every scenario's metrics, each under its own
 * {@code projection} label; the diagnosis' clock is fixed at the minute the metrics end.
 * Without Prometheus (Debian's package not installed) the scenarios whose point is in
 * their metrics are skipped, and the others run with no metrics store on either side.
 *
 * <p>
 * The scenarios are hand-built ({@link ServiceLevelScenarios},
 * {@link PodFailureScenarios}) and made by the embedded sandbox
 * ({@link SandboxScenarios}): every failure it can inject, and a healthy service.
 */
class DiagnosisParityTests {

	private static final Catalog CATALOG = new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")).load();

	private static final Clock CLOCK = Clock.fixed(ParityStates.NOW, ZoneOffset.UTC);

	private static final List<ParityScenario> SCENARIOS = scenarioList();

	private static final Map<String, MetricProjection> METRICS = new LinkedHashMap<>();

	static {
		for (ParityScenario scenario : SCENARIOS) {
			METRICS.put(scenario.name(), MetricProjection.of(scenario.name(), scenario.source().metrics(),
					targets(scenario), ParityStates.NOW));
		}
	}

	@RegisterExtension
	static final RealPrometheus PROMETHEUS = RealPrometheus
		.optional(() -> MetricProjection.openMetrics(METRICS.values()));

	private final Diagnoser diagnoser = new Diagnoser(CLOCK);

	private static List<ParityScenario> scenarioList() {
		List<ParityScenario> all = new ArrayList<>(ServiceLevelScenarios.all());
		all.addAll(SandboxScenarios.all());
		return all;
	}

	static Stream<ParityScenario> scenarios() {
		return SCENARIOS.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void theRealAdaptersReachTheSameDiagnosis(ParityScenario scenario) {
		MetricProjection series = METRICS.get(scenario.name());
		Metrics metrics = null;
		EnvironmentBackends source = scenario.source();
		if (PROMETHEUS.available()) {
			metrics = series.metrics(PROMETHEUS.url());
		}
		else {
			assumeFalse(scenario.needsMetrics(),
					"the scenario's metrics need a real Prometheus: " + PROMETHEUS.missing());
			source = scenario.sourceWithoutMetrics();
		}
		Diagnosis viaPorts = diagnose(scenario, source);
		try (Projection projection = Projection.of(source, targets(scenario), CLOCK)) {
			Diagnosis viaAdapters = diagnose(scenario, projection.backends(metrics));
			List<String> notes = new ArrayList<>(projection.notes());
			notes.addAll(series.notes());
			DiagnosisComparison.assertAgree(scenario, viaPorts, viaAdapters, notes);
			if (metrics != null && series.hasSeries()) {
				assertThat(viaAdapters.consulted()).contains("metrics: Prometheus (" + scenario.environment() + ")");
				assertSameSeries(scenario, source.metrics(), metrics);
			}
		}
	}

	/**
	 * Every named metric of the service asked about reads back through Prometheus as the
	 * source has it, point for point over the diagnosis' window, gaps included: the
	 * diagnosis compares only what its thresholds make of them.
	 */
	private static void assertSameSeries(ParityScenario scenario, Metrics source, Metrics prometheus) {
		ServiceTarget target = targets(scenario).get(0);
		for (NamedMetric metric : NamedMetric.values()) {
			MetricQuery query = MetricQuery.range(target, metric, ParityStates.NOW.minus(Shift.WINDOW),
					ParityStates.NOW, Shift.STEP);
			assertThat(points(prometheus.query(query))).as("%s of %s", metric, scenario)
				.isEqualTo(points(source.query(query)));
		}
	}

	private static List<MetricResult.Point> points(MetricResult result) {
		return result.series().isEmpty() ? List.of() : result.series().get(0).points();
	}

	private Diagnosis diagnose(ParityScenario scenario, EnvironmentBackends backends) {
		Entity entity = entity(scenario.service());
		return this.diagnoser.diagnose(new ServiceTargets.Resolved(CATALOG, entity,
				new ServiceTarget(scenario.service(), scenario.environment(), entity.metadata().annotations()),
				backends));
	}

	/**
	 * The service asked about and the services it depends on, as the catalog has them.
	 */
	static List<ServiceTarget> targets(ParityScenario scenario) {
		Entity entity = entity(scenario.service());
		List<ServiceTarget> targets = new ArrayList<>();
		targets.add(new ServiceTarget(scenario.service(), scenario.environment(), entity.metadata().annotations()));
		for (EntityRef ref : entity.related(RelationType.DEPENDS_ON)) {
			CATALOG.find(ref)
				.filter((dependency) -> "component".equals(ref.kind()))
				.ifPresent((dependency) -> targets.add(new ServiceTarget(dependency.metadata().name(),
						scenario.environment(), dependency.metadata().annotations())));
		}
		return targets;
	}

	private static Entity entity(String service) {
		return CATALOG.find(EntityRef.parse("component:default/" + service)).orElseThrow();
	}

}
