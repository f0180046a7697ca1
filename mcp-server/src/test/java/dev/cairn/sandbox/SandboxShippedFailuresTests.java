package dev.cairn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.FolderCatalogSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sandbox profile's demo failure ({@code checkout-web.staging=missing-config}) is for
 * the demo organisation: with another catalog it is skipped, while a failure the operator
 * configures still stops the start when its service is unknown.
 */
class SandboxShippedFailuresTests {

	static final Map<String, Map<String, String>> DEMO_FAILURE = Map.of("checkout-web",
			Map.of("staging", "missing-config"));

	@TempDir
	Path folder;

	@Test
	void tellsTheJarsOwnSettingFromTheOperators() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new PropertiesPropertySourceLoader()
			.load("application-sandbox.properties", new ClassPathResource("application-sandbox.properties"))
			.forEach(environment.getPropertySources()::addLast);
		SandboxProperties properties = new SandboxProperties(true, DEMO_FAILURE);
		assertThat(ShippedFailures.of(environment, properties)).containsExactly("checkout-web.staging");

		environment.getPropertySources()
			.addFirst(new MapPropertySource("command line",
					Map.of("cairn.sandbox.failures.checkout-web.staging", "missing-config")));
		assertThat(ShippedFailures.of(environment, properties)).isEmpty();
	}

	@Test
	void skipsTheDemoFailureWhenTheCatalogHasNoSuchServiceButNotTheOperators() throws IOException {
		Files.writeString(this.folder.resolve("catalog-info.yaml"), """
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: ledger
				  annotations:
				    backstage.io/kubernetes-id: ledger
				spec:
				  type: service
				  lifecycle: production
				  owner: team-a
				""");
		CatalogService catalogs = new CatalogService(new FolderCatalogSource(this.folder));
		Sandboxes.TestClock clock = new Sandboxes.TestClock();
		SandboxPlatform platform = new SandboxPlatform(catalogs, clock, new SandboxProperties(true, DEMO_FAILURE),
				Set.of("checkout-web.staging"));
		assertThat(platform.world().servicesIn("staging")).containsExactly("ledger");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SandboxPlatform(catalogs, clock, new SandboxProperties(true, DEMO_FAILURE), Set.of()))
			.withMessageStartingWith("cairn.sandbox.failures.checkout-web.staging=missing-config: the sandbox deploys "
					+ "no service 'checkout-web' in staging; the services deployed in staging are ledger");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SandboxPlatform(catalogs, clock,
					new SandboxProperties(true, Map.of("checkout-web", Map.of("staging", "on-fire"))),
					Set.of("checkout-web.staging")))
			.withMessageContaining("unknown failure 'on-fire'");
	}

}
