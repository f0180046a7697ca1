package dev.cairn.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.identity.Caller;
import dev.cairn.mcp.ToolContext;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.TelemetryBackends;

/**
 * What the inspection tools' tests run on: a two-component catalog, fake ports and a
 * fixed clock. No Spring context.
 */
final class InspectionFixture {

	static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final String CATALOG = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: team-shop
			spec:
			  type: team
			  children: []
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata:
			  name: checkout-api
			  annotations:
			    backstage.io/kubernetes-id: checkout
			    backstage.io/kubernetes-namespace: shop
			spec:
			  type: service
			  lifecycle: production
			  owner: team-shop
			---
			apiVersion: backstage.io/v1alpha1
			kind: Resource
			metadata:
			  name: orders-db
			spec:
			  type: database
			  owner: team-shop
			""";

	private InspectionFixture() {
	}

	static CatalogService catalog(Path folder) {
		try {
			Files.writeString(folder.resolve("catalog-info.yaml"), CATALOG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CatalogService(new FolderCatalogSource(folder));
	}

	static ServiceTargets targets(Path folder, EnvironmentBackends... environments) {
		return new ServiceTargets(catalog(folder), backends(environments));
	}

	/** Backends for the given environments, in order. */
	static TelemetryBackends backends(EnvironmentBackends... environments) {
		Map<String, EnvironmentBackends> byName = new LinkedHashMap<>();
		for (EnvironmentBackends environment : environments) {
			byName.put(environment.environment(), environment);
		}
		return new TelemetryBackends() {

			@Override
			public List<String> environments() {
				return new ArrayList<>(byName.keySet());
			}

			@Override
			public EnvironmentBackends forEnvironment(String environment) {
				EnvironmentBackends backends = byName.get(environment);
				if (backends == null) {
					throw new IllegalArgumentException("no backends for " + environment);
				}
				return backends;
			}

		};
	}

	/** Deployment state that answers with {@code snapshot}. */
	static DeploymentStates deployments(Function<ServiceTarget, Optional<DeploymentSnapshot>> snapshot) {
		return new DeploymentStates() {

			@Override
			public Optional<DeploymentSnapshot> snapshot(ServiceTarget target) {
				return snapshot.apply(target);
			}

			@Override
			public LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous,
					int maxLines) {
				throw new UnsupportedOperationException();
			}

		};
	}

	/** A call by a developer, with the policy's result limit when not {@code null}. */
	static ToolContext context(Integer policyLimit) {
		return new ToolContext() {

			@Override
			public Caller caller() {
				return new Caller("user:default/dana", Caller.PrincipalKind.USER, Caller.Channel.MCP, null, null,
						"test");
			}

			@Override
			public void progress(double progress, Double total, String message) {
			}

			@Override
			public OptionalInt resultLimit() {
				return (policyLimit != null) ? OptionalInt.of(policyLimit) : OptionalInt.empty();
			}

		};
	}

}
