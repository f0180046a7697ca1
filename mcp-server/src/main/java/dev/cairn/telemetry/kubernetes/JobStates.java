package dev.cairn.telemetry.kubernetes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;

import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * The service's Jobs: which belong to it, what they are for, and how they ended.
 *
 * <p>
 * Without a label selector in the catalog, a Job belongs to the service when its
 * {@code app.kubernetes.io/name}, {@code app.kubernetes.io/instance} or {@code app} label
 * is the service's Kubernetes id (Helm charts label their hook Jobs so). Its purpose is
 * {@code migration} when its {@code app.kubernetes.io/component} label says so (also
 * {@code migrations}, {@code db-migration}, {@code migrate}) or, failing a component
 * label, its name mentions a migration; otherwise the component label's value.
 */
final class JobStates {

	static final List<String> SERVICE_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app");

	static final String COMPONENT = "app.kubernetes.io/component";

	private static final Set<String> MIGRATION_COMPONENTS = Set.of("migration", "migrations", "db-migration",
			"db-migrations", "database-migration", "migrate", "db-migrate");

	private JobStates() {
	}

	static boolean belongsTo(Job job, String kubernetesId) {
		Map<String, String> labels = RevisionHistory.labels(job.getMetadata());
		for (String key : SERVICE_LABELS) {
			if (kubernetesId.equals(labels.get(key))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * When the job started, else when it was created: the order of the snapshot's list.
	 */
	static Instant started(Job job) {
		Instant started = (job.getStatus() != null) ? KubeTimes.parse(job.getStatus().getStartTime()) : null;
		return (started != null) ? started : KubeTimes.parse(job.getMetadata().getCreationTimestamp());
	}

	static DeploymentSnapshot.Job of(Job job) {
		JobStatus status = (job.getStatus() != null) ? job.getStatus() : new JobStatus();
		JobCondition failed = trueCondition(status, "Failed");
		if (failed == null) {
			// Set while the failed job's pods terminate, before Failed (Kubernetes
			// 1.31+).
			failed = trueCondition(status, "FailureTarget");
		}
		DeploymentSnapshot.JobStatus state;
		if (failed != null) {
			state = DeploymentSnapshot.JobStatus.FAILED;
		}
		else if (trueCondition(status, "Complete") != null || trueCondition(status, "SuccessCriteriaMet") != null) {
			state = DeploymentSnapshot.JobStatus.SUCCEEDED;
		}
		else {
			state = DeploymentSnapshot.JobStatus.RUNNING;
		}
		Instant finished = KubeTimes.parse(status.getCompletionTime());
		if (finished == null && failed != null) {
			finished = KubeTimes.parse(failed.getLastTransitionTime());
		}
		return new DeploymentSnapshot.Job(job.getMetadata().getName(), purpose(job), state,
				(failed != null) ? failed.getReason() : null, (failed != null) ? failed.getMessage() : null,
				(status.getFailed() != null) ? status.getFailed() : 0, KubeTimes.parse(status.getStartTime()),
				finished);
	}

	static String purpose(Job job) {
		String component = RevisionHistory.labels(job.getMetadata()).get(COMPONENT);
		if (component != null && !component.isBlank()) {
			String normalized = component.trim().toLowerCase(Locale.ROOT);
			return MIGRATION_COMPONENTS.contains(normalized) ? "migration" : normalized;
		}
		return job.getMetadata().getName().toLowerCase(Locale.ROOT).contains("migrat") ? "migration" : null;
	}

	private static JobCondition trueCondition(JobStatus status, String type) {
		if (status.getConditions() != null) {
			for (JobCondition condition : status.getConditions()) {
				if (type.equals(condition.getType()) && "True".equals(condition.getStatus())) {
					return condition;
				}
			}
		}
		return null;
	}

}
