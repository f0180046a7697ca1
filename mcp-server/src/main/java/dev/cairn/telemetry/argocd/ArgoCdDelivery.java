package dev.cairn.telemetry.argocd;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.Delivery;
import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.ServiceTarget;
import tools.jackson.databind.JsonNode;

/**
 * The delivery state of a service as one Argo CD reports it, through its REST API
 * ({@code GET /api/v1/applications/{name}}, and {@code GET
 * /api/v1/applications/{name}/revisions/{revision}/metadata} for the commits of the
 * history).
 *
 * <p>
 * {@link #status} reads {@code status.sync} (status and revision), {@code status.health}
 * and {@code status.operationState} (phase, message, finishedAt). Argo CD 2.x and later
 * leave the application's own health message empty: the message is then the first one
 * among the managed resources that share the application's health
 * ({@code status.resources[].health}), else the first error condition
 * ({@code status.conditions}).
 *
 * <p>
 * {@link #history} reads {@code status.history}, which Argo CD appends to only when a
 * sync succeeds, newest (highest id) first; a sync operation that is running or failed
 * now is put before it, with the outcome {@code Running} or {@code Failed}. Versions are
 * read as {@link DeployedVersion} says. The author and message of the newest commits come
 * from the revision metadata call, at most {@link ArgoCdSettings#revisionLookups()} of
 * them; a lookup that fails leaves them {@code null}, and one that cannot reach Argo CD
 * ends the lookups for that history.
 *
 * <p>
 * The application's name comes from {@link ArgoCdSettings#applicationName}. One instance
 * serves one Argo CD; thread-safe.
 */
public final class ArgoCdDelivery implements Delivery {

	private static final String SUCCEEDED = "Succeeded";

	private final ArgoCdSettings settings;

	private final ArgoCdClient client;

	public ArgoCdDelivery(ArgoCdSettings settings) {
		this.settings = settings;
		this.client = new ArgoCdClient(settings);
	}

	/**
	 * The backend's name in messages, for example
	 * {@code Argo CD (https://argocd.example.com)}.
	 */
	public String describe() {
		return this.client.backend();
	}

	@Override
	public Optional<DeliveryStatus> status(ServiceTarget target) {
		return this.client.application(this.settings.applicationName(target)).map(ArgoCdDelivery::statusOf);
	}

	@Override
	public List<DeployRecord> history(ServiceTarget target, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, got " + limit);
		}
		String name = this.settings.applicationName(target);
		Optional<JsonNode> application = this.client.application(name);
		if (application.isEmpty()) {
			return List.of();
		}
		List<Deploy> deploys = deploys(application.get(), names(target));
		List<Deploy> newest = deploys.subList(0, Math.min(limit, deploys.size()));
		Map<String, JsonNode> commits = lookUpCommits(name, newest);
		List<DeployRecord> records = new ArrayList<>(newest.size());
		for (Deploy deploy : newest) {
			JsonNode metadata = (deploy.commit() != null) ? commits.get(deploy.commit()) : null;
			records.add(new DeployRecord(deploy.id(), deploy.version(), deploy.commit(), author(metadata),
					firstLine(metadata), deploy.at(), deploy.outcome()));
		}
		return List.copyOf(records);
	}

	static DeliveryStatus statusOf(JsonNode application) {
		JsonNode status = application.path("status");
		String health = text(status.path("health").path("status"));
		JsonNode operation = status.path("operationState");
		return new DeliveryStatus(text(application.path("metadata").path("name")),
				orUnknown(text(status.path("sync").path("status"))), orUnknown(health), healthMessage(status, health),
				revision(status.path("sync")), text(operation.path("phase")), text(operation.path("message")),
				instant(operation.path("finishedAt")));
	}

	private static String healthMessage(JsonNode status, String health) {
		String own = text(status.path("health").path("message"));
		if (own != null || health == null || "Healthy".equals(health)) {
			return own;
		}
		String anyUnhealthy = null;
		for (JsonNode resource : status.path("resources")) {
			String resourceHealth = text(resource.path("health").path("status"));
			String message = text(resource.path("health").path("message"));
			if (resourceHealth == null || message == null || "Healthy".equals(resourceHealth)) {
				continue;
			}
			String described = text(resource.path("kind")) + " " + text(resource.path("name")) + ": " + message;
			if (health.equals(resourceHealth)) {
				return described;
			}
			if (anyUnhealthy == null) {
				anyUnhealthy = described;
			}
		}
		if (anyUnhealthy != null) {
			return anyUnhealthy;
		}
		for (JsonNode condition : status.path("conditions")) {
			String type = text(condition.path("type"));
			String message = text(condition.path("message"));
			if (type != null && type.endsWith("Error") && message != null) {
				return type + ": " + message;
			}
		}
		return null;
	}

	/** Every deploy Argo CD knows of, newest first. */
	private static List<Deploy> deploys(JsonNode application, Set<String> names) {
		JsonNode status = application.path("status");
		List<Deploy> recorded = new ArrayList<>();
		for (JsonNode entry : status.path("history")) {
			Instant at = instant(entry.path("deployedAt"));
			if (at == null) {
				at = instant(entry.path("deployStartedAt"));
			}
			if (at == null) {
				continue;
			}
			recorded.add(new Deploy(entry.path("id").asLong(-1), entry.path("id").asString("?"),
					DeployedVersion.ofSync(entry, names), revision(entry), at, SUCCEEDED, isChart(entry)));
		}
		recorded.sort(Comparator.comparingLong(Deploy::order).thenComparing(Deploy::at).reversed());
		if (!recorded.isEmpty() && recorded.get(0).version() == null) {
			Deploy current = recorded.get(0);
			String running = DeployedVersion.ofImages(status.path("summary").path("images"), names);
			if (running != null && current.commit() != null && current.commit().equals(revision(status.path("sync")))) {
				recorded.set(0, current.withVersion(running));
			}
		}
		List<Deploy> deploys = new ArrayList<>(recorded.size() + 1);
		Deploy pending = unfinished(status.path("operationState"), names);
		if (pending != null) {
			deploys.add(pending);
		}
		deploys.addAll(recorded);
		return deploys;
	}

	/** The sync operation under way or failed now, which the history does not record. */
	private static Deploy unfinished(JsonNode operation, Set<String> names) {
		String phase = text(operation.path("phase"));
		if (phase == null || SUCCEEDED.equals(phase) || !operation.path("operation").has("sync")) {
			return null;
		}
		Instant at = instant(operation.path("finishedAt"));
		if (at == null) {
			at = instant(operation.path("startedAt"));
		}
		if (at == null) {
			return null;
		}
		JsonNode result = operation.path("syncResult");
		String commit = revision(result);
		if (commit == null) {
			commit = revision(operation.path("operation").path("sync"));
		}
		String outcome = ("Running".equals(phase) || "Terminating".equals(phase)) ? "Running" : "Failed";
		return new Deploy(Long.MAX_VALUE, "operation@" + at, DeployedVersion.ofSync(result, names), commit, at, outcome,
				isChart(result));
	}

	private Map<String, JsonNode> lookUpCommits(String name, List<Deploy> deploys) {
		Map<String, JsonNode> commits = new HashMap<>();
		int lookups = 0;
		for (Deploy deploy : deploys) {
			if (lookups >= this.settings.revisionLookups()) {
				break;
			}
			if (deploy.commit() == null || deploy.chart() || commits.containsKey(deploy.commit())) {
				continue;
			}
			lookups++;
			try {
				commits.put(deploy.commit(), this.client.revisionMetadata(name, deploy.commit()).orElse(null));
			}
			catch (BackendException ex) {
				// Unreachable or too slow now: the history is still worth having without
				// authors, and more lookups would only wait as long again.
				break;
			}
		}
		return commits;
	}

	private static String author(JsonNode metadata) {
		return (metadata != null) ? text(metadata.path("author")) : null;
	}

	private static String firstLine(JsonNode metadata) {
		String message = (metadata != null) ? text(metadata.path("message")) : null;
		if (message == null) {
			return null;
		}
		int newline = message.indexOf('\n');
		return ((newline >= 0) ? message.substring(0, newline) : message).trim();
	}

	private static Set<String> names(ServiceTarget target) {
		Set<String> names = new LinkedHashSet<>();
		names.add(target.kubernetesId());
		names.add(target.service());
		return names;
	}

	/**
	 * The revision of a sync status, a history entry or a sync result, multi-source too.
	 */
	private static String revision(JsonNode node) {
		String single = text(node.path("revision"));
		if (single != null) {
			return single;
		}
		for (JsonNode revision : node.path("revisions")) {
			String first = text(revision);
			if (first != null) {
				return first;
			}
		}
		return null;
	}

	/** A Helm chart's "revision" is its version, which has no commit metadata. */
	private static boolean isChart(JsonNode record) {
		return text(record.path("source").path("chart")) != null;
	}

	private static String orUnknown(String value) {
		return (value != null) ? value : "Unknown";
	}

	private static String text(JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String value = node.asString();
		return value.isBlank() ? null : value;
	}

	/** Argo CD writes Kubernetes times ({@code 2024-05-01T10:00:00Z}). */
	private static Instant instant(JsonNode node) {
		String value = text(node);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/**
	 * One deploy before its commit is looked up.
	 *
	 * @param order Argo CD's history id; the unfinished operation sorts first
	 */
	private record Deploy(long order, String id, String version, String commit, Instant at, String outcome,
			boolean chart) {

		Deploy withVersion(String version) {
			return new Deploy(this.order, this.id, version, this.commit, this.at, this.outcome, this.chart);
		}

	}

}
