package dev.cairn.telemetry.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.argocd.ArgoCdDelivery;
import dev.cairn.telemetry.argocd.ArgoCdSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cairn.telemetry.projection.ClusterObjects.time;

/**
 * An Argo CD answering {@code GET /api/v1/applications/{name}} and
 * {@code .../revisions/{commit}/metadata} with the application Argo CD would hold after
 * the source's deploys: {@code status.sync}, {@code status.health}, the succeeded syncs
 * in {@code status.history} (oldest first, each with the Helm {@code image.tag} it rolled
 * out), and a running or failed sync in {@code status.operationState}. Missing
 * applications get Argo CD's gateway error (404, gRPC code 5, as when a project is
 * named).
 *
 * <p>
 * Applications are named as the source names them (its status' application), and the
 * adapter is given the first name template that finds them all: none (the catalog's
 * {@code argocd/app-name}, else {@code <service>-<environment>}), then
 * {@code {service}-{environment}}, {@code {app}-{environment}}, {@code {service}} and
 * {@code {app}}, as an operator would set {@code app-name-template} for their Argo CD.
 *
 * <p>
 * Argo CD records only what it can: a running or failed deploy that is not the newest is
 * not in its history, so it is not projected; a history without an application status
 * gets a status with sync and health {@code Unknown}; times are kept to the second.
 */
public final class ArgoCdStandIn implements AutoCloseable {

	static final int HISTORY = 100;

	private static final String PROJECT = "default";

	/** The adapter's name templates tried, in order ({@code null}: none). */
	private static final List<String> TEMPLATES = Arrays.asList(null, "{service}-{environment}", "{app}-{environment}",
			"{service}", "{app}");

	private final StandInServer server = new StandInServer();

	private final List<String> notes = new ArrayList<>();

	private String template;

	private ArgoCdStandIn() {
		this.server.stub(any(anyUrl()).atPriority(10)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"not found\",\"code\":5,\"message\":\"not found\"}")));
	}

	/** Holds the application of each target that the source delivers. */
	public static ArgoCdStandIn of(Delivery source, List<ServiceTarget> targets) {
		ArgoCdStandIn argocd = new ArgoCdStandIn();
		Map<ServiceTarget, DeliveryStatus> statuses = new LinkedHashMap<>();
		Map<ServiceTarget, List<DeployRecord>> histories = new LinkedHashMap<>();
		for (ServiceTarget target : targets) {
			try {
				DeliveryStatus status = source.status(target).orElse(null);
				List<DeployRecord> history = source.history(target, HISTORY);
				if (status != null || !history.isEmpty()) {
					statuses.put(target, status);
					histories.put(target, history);
				}
			}
			catch (BackendException | IllegalArgumentException ex) {
				argocd.notes.add("no delivery of " + target + ": " + ex.getMessage());
			}
		}
		argocd.template = argocd.templateNaming(statuses);
		ArgoCdSettings naming = argocd.settings();
		histories.forEach(
				(target, history) -> argocd.add(naming.applicationName(target), target, statuses.get(target), history));
		return argocd;
	}

	/** The first template that names every application as the source does. */
	private String templateNaming(Map<ServiceTarget, DeliveryStatus> statuses) {
		for (String candidate : TEMPLATES) {
			ArgoCdSettings naming = settings(candidate);
			boolean all = statuses.entrySet()
				.stream()
				.allMatch((entry) -> entry.getValue() == null || entry.getValue().application() == null
						|| entry.getValue().application().equals(naming.applicationName(entry.getKey())));
			if (all) {
				return candidate;
			}
		}
		this.notes.add("no application name template finds every application as the source names them");
		return null;
	}

	private void add(String name, ServiceTarget target, DeliveryStatus status, List<DeployRecord> history) {
		DeployRecord head = history.isEmpty() ? null : history.get(0);
		boolean unfinished = head != null
				&& ("Running".equalsIgnoreCase(head.outcome()) || "Failed".equalsIgnoreCase(head.outcome()));
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int i = history.size() - 1; i >= 0; i--) {
			DeployRecord record = history.get(i);
			if (i == 0 && unfinished) {
				continue;
			}
			if ("Running".equalsIgnoreCase(record.outcome()) || "Failed".equalsIgnoreCase(record.outcome())) {
				this.notes.add("Argo CD keeps no record of the older " + record.outcome() + " deploy " + record.id());
				continue;
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", history.size() - i);
			put(entry, "revision", record.commit());
			put(entry, "deployedAt", time(record.deployedAt()));
			entry.put("source", source(target, record.version()));
			entries.add(entry);
		}
		Map<String, Object> sync = new LinkedHashMap<>();
		sync.put("status", (status != null) ? status.sync() : "Unknown");
		put(sync, "revision", (status != null) ? status.revision() : (head != null) ? head.commit() : null);
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", (status != null) ? status.health() : "Unknown");
		put(health, "message", (status != null) ? status.healthMessage() : null);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("sync", sync);
		state.put("health", health);
		state.put("history", entries);
		Map<String, Object> operation = operation(target, status, unfinished ? head : null);
		if (operation != null) {
			state.put("operationState", operation);
		}
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("metadata", Map.of("name", name, "namespace", "argocd"));
		application.put("spec", Map.of("project", PROJECT, "source", source(target, null)));
		application.put("status", state);
		this.server.stub(get(urlPathEqualTo("/api/v1/applications/" + name))
			.willReturn(okJson(StandInServer.JSON.writeValueAsString(application))));
		for (DeployRecord record : history) {
			if (record.commit() != null && (record.author() != null || record.message() != null)) {
				Map<String, Object> metadata = new LinkedHashMap<>();
				put(metadata, "author", record.author());
				put(metadata, "date", time(record.deployedAt()));
				put(metadata, "message", record.message());
				this.server.stub(get(
						urlPathEqualTo("/api/v1/applications/" + name + "/revisions/" + record.commit() + "/metadata"))
					.willReturn(okJson(StandInServer.JSON.writeValueAsString(metadata))));
			}
		}
	}

	/**
	 * The last sync operation: the unfinished deploy when there is one, else the status'
	 * last operation.
	 */
	private static Map<String, Object> operation(ServiceTarget target, DeliveryStatus status, DeployRecord unfinished) {
		String phase = (unfinished != null) ? (unfinished.outcome().equalsIgnoreCase("Running") ? "Running" : "Failed")
				: (status != null) ? status.operation() : null;
		if (phase == null) {
			return null;
		}
		String commit = (unfinished != null) ? unfinished.commit() : status.revision();
		Map<String, Object> sync = new LinkedHashMap<>();
		put(sync, "revision", commit);
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("operation", Map.of("sync", sync));
		operation.put("phase", phase);
		put(operation, "message", (status != null) ? status.operationMessage() : null);
		Map<String, Object> result = new LinkedHashMap<>();
		put(result, "revision", commit);
		result.put("source", source(target, (unfinished != null) ? unfinished.version() : null));
		operation.put("syncResult", result);
		if (unfinished != null) {
			operation.put("startedAt", time(unfinished.deployedAt()));
		}
		if (!"Running".equals(phase)) {
			boolean own = status != null && status.operationFinishedAt() != null;
			put(operation, "finishedAt", own ? time(status.operationFinishedAt())
					: (unfinished != null) ? time(unfinished.deployedAt()) : null);
		}
		return operation;
	}

	/** A Helm source that names the version as {@code image.tag}, as charts do. */
	private static Map<String, Object> source(ServiceTarget target, String version) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("repoURL", "https://git.example.com/deploy/" + target.kubernetesId() + ".git");
		source.put("path", "charts/" + target.kubernetesId());
		source.put("targetRevision", "main");
		if (version != null) {
			source.put("helm", Map.of("parameters", List.of(Map.of("name", "image.tag", "value", version))));
		}
		return source;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	/** Names applications with the template chosen, with a project set. */
	private ArgoCdSettings settings() {
		return settings(this.template);
	}

	private ArgoCdSettings settings(String template) {
		return new ArgoCdSettings(this.server.url(), "argocd-token-for-parity", Duration.ofSeconds(10), template, null,
				PROJECT, HISTORY);
	}

	/** The real adapter, pointed at this Argo CD. */
	public ArgoCdDelivery delivery() {
		return new ArgoCdDelivery(settings());
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
