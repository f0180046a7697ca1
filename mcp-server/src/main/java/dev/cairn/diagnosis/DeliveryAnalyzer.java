package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Job;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

/**
 * What stopped a deploy before it reached the pods: a failed migration job (a pre-sync
 * hook: the Deployment keeps the old version), or a sync that failed for another reason.
 * The change is the deploy the delivery system attempted, which the cluster never ran.
 */
final class DeliveryAnalyzer implements Analyzer {

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		DeliveryStatus status = seen.delivery().orElse(null);
		boolean syncFailed = status != null && status.operation() != null
				&& ("Failed".equalsIgnoreCase(status.operation()) || "Error".equalsIgnoreCase(status.operation()));
		List<Finding> findings = new ArrayList<>();
		for (Job job : snapshot.jobs()) {
			if ("migration".equals(job.purpose()) && job.status() == DeploymentSnapshot.JobStatus.FAILED) {
				findings.add(migration(seen, snapshot, job, status, syncFailed));
				break;
			}
		}
		if (findings.isEmpty() && syncFailed) {
			findings.add(Finding.of(FindingCode.SYNC_FAILED, seen.service(),
					"the delivery system's last sync failed: "
							+ CrashAnalyzer.abbreviate(String.valueOf(status.operationMessage())),
					List.of(delivery(status)), attempted(seen, status.operationFinishedAt()),
					"fix what the sync reports and sync again; the cluster still runs "
							+ ((snapshot.current() != null) ? snapshot.current().version() : "the previous version")));
		}
		return findings;
	}

	private Finding migration(Observations seen, DeploymentSnapshot snapshot, Job job, DeliveryStatus status,
			boolean syncFailed) {
		List<Finding.Evidence> evidence = new ArrayList<>();
		LogLine why = migrationError(seen, job);
		if (why != null) {
			evidence.add(new Finding.Evidence("log", (why.pod() != null) ? "pod " + why.pod() : "log store",
					why.message().strip(), why.time()));
		}
		evidence.add(new Finding.Evidence("job", "job " + job.name(),
				"job " + job.name() + ": failed" + ((job.reason() != null) ? " (" + job.reason() + ")" : "")
						+ ((job.message() != null) ? ": " + job.message() : "") + ", " + job.failedPods()
						+ " failed pods",
				job.finishedAt()));
		Revisions.eventsAbout(snapshot, job.name())
			.stream()
			.filter(DeploymentSnapshot.Event::warning)
			.findFirst()
			.ifPresent((event) -> evidence
				.add(new Finding.Evidence("event", "job " + job.name(), Revisions.describe(event), event.lastSeen())));
		if (syncFailed) {
			evidence.add(delivery(status));
		}
		Finding.Change change = attempted(seen, job.startedAt());
		String running = (snapshot.current() != null) ? snapshot.current().version() : null;
		boolean held = change != null && running != null && !running.equals(change.version());
		return Finding.of(FindingCode.MIGRATION_FAILED, seen.service(), "the database migration " + job.name()
				+ " failed" + ((why != null) ? ": " + CrashAnalyzer.abbreviate(why.message().strip()) : "")
				+ (held ? "; the rollout of " + change.version() + " stopped and " + running + " still runs" : ""),
				evidence, (change != null) ? change : Revisions.change(seen, snapshot.current()),
				"fix the migration (make it safe to re-run against the current schema) and deploy again; "
						+ "check the database was left consistent, since a migration can fail half-way");
	}

	/**
	 * The newest error line written by the job's pods, else any newest error around it.
	 */
	private static LogLine migrationError(Observations seen, Job job) {
		Instant from = (job.startedAt() != null) ? job.startedAt().minusSeconds(60)
				: seen.now().minus(Duration.ofHours(1));
		Instant to = (job.finishedAt() != null) ? job.finishedAt().plusSeconds(60) : seen.now();
		LogPage page = seen.logs("error", null, from, to.isAfter(seen.now()) ? seen.now() : to, 200);
		if (page == null) {
			return null;
		}
		LogLine any = null;
		for (LogLine line : page.lines()) {
			boolean fromJob = (line.pod() != null && line.pod().startsWith(job.name()))
					|| (line.container() != null && line.container().toLowerCase(Locale.ROOT).contains("migrat"));
			if (fromJob) {
				return line;
			}
			any = (any != null) ? any : line;
		}
		return any;
	}

	private static Finding.Evidence delivery(DeliveryStatus status) {
		return new Finding.Evidence("delivery", "application " + status.application(),
				"sync " + status.sync() + ", health " + status.health() + ", last operation " + status.operation()
						+ ((status.operationMessage() != null) ? ": " + status.operationMessage() : ""),
				status.operationFinishedAt());
	}

	/**
	 * The deploy the delivery system attempted around a time: the newest failed record,
	 * else the newest record.
	 */
	private static Finding.Change attempted(Observations seen, Instant around) {
		List<DeployRecord> history = seen.history();
		for (DeployRecord record : history) {
			if ("Failed".equalsIgnoreCase(record.outcome())
					&& (around == null || !record.deployedAt().isBefore(around.minus(Duration.ofMinutes(30))))) {
				return Revisions.change(seen, record);
			}
		}
		return history.isEmpty() ? null : Revisions.change(seen, history.get(0));
	}

}
