package dev.cairn.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.FolderCatalogSource;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.TelemetryBackends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Failures configured under {@code cairn.sandbox.failures}: injected at start, and a name
 * the sandbox does not know stops the start with the property and what is valid.
 */
class SandboxConfigurationTests {

	final Sandboxes.TestClock clock = new Sandboxes.TestClock();

	@Test
	void bindsFailuresByServiceAndEnvironment() {
		SandboxProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("cairn.sandbox.failures.checkout-web.staging", "missing-config",
						"cairn.sandbox.failures.checkout-web.production", "dependency-failing:payment-api")))
			.bind("cairn.sandbox", SandboxProperties.class)
			.get();
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.failures()).isEqualTo(Map.of("checkout-web",
				Map.of("staging", "missing-config", "production", "dependency-failing:payment-api")));
	}

	@Test
	void injectsConfiguredFailuresAtStart() {
		SandboxPlatform platform = Sandboxes.platform(this.clock, Map.of("checkout-web",
				Map.of("staging", "missing-config", "production", "dependency-failing:payment-api")));
		DeploymentSnapshot staging = platform.backends("staging")
			.deployments()
			.snapshot(Sandboxes.target("checkout-web", "staging"))
			.orElseThrow();
		assertThat(staging.rollout().phase()).isEqualTo(DeploymentSnapshot.Phase.FAILED);
		assertThat(staging.pods())
			.anySatisfy((pod) -> assertThat(pod.containers().get(0).reason()).isEqualTo("CrashLoopBackOff"));
		DeploymentSnapshot payment = platform.backends("production")
			.deployments()
			.snapshot(Sandboxes.target("payment-api", "production"))
			.orElseThrow();
		assertThat(payment.pods()).allSatisfy((pod) -> assertThat(pod.ready()).isFalse());
	}

	@Test
	void anUnknownFailureNamesThePropertyAndTheFailures() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Sandboxes.platform(this.clock, Map.of("checkout-web", Map.of("staging", "on-fire"))))
			.withMessage("cairn.sandbox.failures.checkout-web.staging=on-fire: unknown failure 'on-fire'; the failures "
					+ "are missing-config, oom-killed, image-pull-unbuilt, readiness-failing, unschedulable, "
					+ "migration-failed, error-rate-regression, latency-regression, dependency-failing, none");
	}

	@Test
	void anUnknownServiceNamesThePropertyAndTheServices() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Sandboxes.platform(this.clock, Map.of("checkout", Map.of("staging", "missing-config"))))
			.withMessageStartingWith("cairn.sandbox.failures.checkout.staging=missing-config: the sandbox deploys no "
					+ "service 'checkout' in staging; the services deployed in staging are api-gateway, auth-service, ")
			.withMessageContaining("checkout-web");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> Sandboxes.platform(this.clock, Map.of("fraud-scorer", Map.of("production", "oom-killed"))))
			.withMessageContaining("cairn.sandbox.failures.fraud-scorer.production=oom-killed: fraud-scorer is "
					+ "experimental, so the sandbox deploys it to staging only");
		assertThatIllegalStateException()
			.isThrownBy(() -> Sandboxes.platform(this.clock, Map.of("design-system", Map.of("staging", "oom-killed"))))
			.withMessageContaining("design-system has no backstage.io/kubernetes-id annotation");
	}

	@Test
	void anUnknownEnvironmentOrDependencyNamesTheProperty() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Sandboxes.platform(this.clock, Map.of("checkout-web", Map.of("qa", "missing-config"))))
			.withMessage("cairn.sandbox.failures.checkout-web.qa=missing-config: there is no environment 'qa'; the "
					+ "sandbox's environments are staging, production");
		assertThatIllegalStateException()
			.isThrownBy(() -> Sandboxes.platform(this.clock,
					Map.of("checkout-web", Map.of("staging", "dependency-failing:nope"))))
			.withMessageStartingWith("cairn.sandbox.failures.checkout-web.staging=dependency-failing:nope: 'nope' is "
					+ "not another service deployed in staging");
	}

	@Test
	void keepsWhatWasInjectedWhenTheCatalogReloads() {
		CatalogService catalogs = new CatalogService(
				new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")));
		SandboxPlatform platform = new SandboxPlatform(catalogs, this.clock, SandboxProperties.defaults());
		Injection injection = platform.inject("inventory-service", "staging", "unschedulable", null);
		World before = platform.world();
		catalogs.reload();
		assertThat(platform.world()).isNotSameAs(before);
		assertThat(platform.backends("staging")
			.deployments()
			.snapshot(Sandboxes.target("inventory-service", "staging"))
			.orElseThrow()
			.current()
			.commit()).isEqualTo(injection.revision().commit());
	}

	@Test
	void stepsAsideWhenAnotherTelemetrySourceIsConfigured() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(SandboxConfiguration.class)
			.withBean(CatalogService.class, Sandboxes::demoCatalog)
			.withBean(Clock.class, () -> this.clock)
			.withBean(SandboxProperties.class, SandboxProperties::defaults);
		runner.run((context) -> assertThat(context).hasSingleBean(TelemetryBackends.class)
			.hasSingleBean(SandboxPlatform.class));
		runner.withPropertyValues("cairn.telemetry.source=backends")
			.run((context) -> assertThat(context).doesNotHaveBean(TelemetryBackends.class)
				.doesNotHaveBean(SandboxPlatform.class));
	}

	@Test
	void disabledItDeploysNothing() {
		SandboxPlatform platform = new SandboxPlatform(Sandboxes.demoCatalog(), this.clock,
				new SandboxProperties(false, Map.of("checkout-web", Map.of("staging", "on-fire"))));
		assertThat(platform.backends("staging").deployments().snapshot(Sandboxes.target("checkout-web", "staging")))
			.isEmpty();
		assertThat(platform.environments()).containsExactly("staging", "production");
	}

}
