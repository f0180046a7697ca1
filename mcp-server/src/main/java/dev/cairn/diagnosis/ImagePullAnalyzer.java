package dev.cairn.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cairn.telemetry.BuildRun;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Event;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.Revision;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

/**
 * Images that cannot be pulled, and why: asked of CI, a failed build of the deployed
 * commit (or no build at all) explains a tag the registry does not have; a build that
 * passed points at the registry or the image name instead.
 */
final class ImagePullAnalyzer implements Analyzer {

	private static final Set<String> PULL_REASONS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
			"ErrImageNeverPull");

	@Override
	public List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot) {
		List<Finding.Evidence> states = new ArrayList<>();
		Revision revision = null;
		String image = null;
		String pullMessage = null;
		for (Pod pod : Revisions.podsToJudge(snapshot)) {
			for (Container container : Revisions.containers(pod)) {
				if (container.reason() == null || !PULL_REASONS.contains(container.reason())) {
					continue;
				}
				revision = (revision != null) ? revision : Revisions.of(snapshot, pod);
				image = (image != null) ? image : container.image();
				if (states.size() < 3) {
					states.add(
							new Finding.Evidence("pod", "pod " + pod.name(), Revisions.describe(pod, container), null));
				}
				for (Event event : Revisions.eventsAbout(snapshot, pod.name())) {
					if ("Failed".equals(event.reason()) && event.message() != null
							&& event.message().startsWith("Failed to pull image") && pullMessage == null) {
						pullMessage = event.message().strip();
						states.add(0, new Finding.Evidence("event", "pod " + pod.name(), Revisions.describe(event),
								event.lastSeen()));
					}
				}
			}
		}
		if (states.isEmpty()) {
			return List.of();
		}
		String what = (image != null) ? image : "the image";
		Finding.Change change = Revisions.change(seen, revision);
		List<Finding> findings = new ArrayList<>();
		Finding cause = cause(seen, snapshot, revision, what, pullMessage, change);
		if (cause != null) {
			findings.add(cause);
		}
		findings.add(Finding.of(FindingCode.IMAGE_PULL_BACKOFF, seen.service(),
				"pods cannot pull " + what
						+ ((pullMessage != null && notFound(pullMessage)) ? ": the tag is not in the registry" : ""),
				states, change, (cause != null) ? "see " + cause.code().wireName()
						: "check that " + what + " exists in the registry and the cluster may pull it"));
		return findings;
	}

	private Finding cause(Observations seen, DeploymentSnapshot snapshot, Revision revision, String image,
			String pullMessage, Finding.Change change) {
		String commit = (revision != null) ? revision.commit() : null;
		List<BuildRun> runs = seen.builds(commit);
		String rollBack = CrashAnalyzer.rollBack(snapshot, revision, "or deploy a version CI built");
		if (runs == null) {
			if (pullMessage == null) {
				return null;
			}
			return Finding.of(FindingCode.IMAGE_PULL_FAILED, seen.service(),
					"the registry refuses " + image + ": " + CrashAnalyzer.abbreviate(pullMessage), List.of(), change,
					pullRemedy(pullMessage, image) + "; " + rollBack);
		}
		if (runs.stream().anyMatch((run) -> "success".equals(run.conclusion()))) {
			if (pullMessage == null) {
				return null;
			}
			return Finding.of(FindingCode.IMAGE_PULL_FAILED, seen.service(),
					"CI built commit " + shortCommit(commit) + " but the cluster cannot pull " + image,
					List.of(new Finding.Evidence("build", "CI", "a run for " + shortCommit(commit) + " succeeded",
							null)),
					change, pullRemedy(pullMessage, image) + "; " + rollBack);
		}
		BuildRun failed = runs.stream().filter(BuildRun::failed).findFirst().orElse(null);
		if (failed != null) {
			return buildFailed(seen, failed, image, change, rollBack);
		}
		if (runs.isEmpty()) {
			return Finding.of(FindingCode.IMAGE_NOT_BUILT, seen.service(),
					"no CI run built commit " + shortCommit(commit) + ", so " + image + " was never pushed",
					List.of(new Finding.Evidence("build", "CI", "no workflow run for commit " + commit, null)), change,
					"run the CI workflow for " + shortCommit(commit) + " (or deploy a tag CI built); " + rollBack);
		}
		BuildRun running = runs.get(0);
		return Finding.of(FindingCode.IMAGE_NOT_BUILT, seen.service(),
				"the CI run for commit " + shortCommit(commit) + " has not finished (" + running.status() + "), so "
						+ image + " is not pushed yet",
				List.of(new Finding.Evidence("build", "CI run " + running.id(),
						running.workflow() + " " + running.status()
								+ ((running.url() != null) ? " " + running.url() : ""),
						running.startedAt())),
				change, "wait for the run to finish, then the pods pull the image on their next attempt");
	}

	private Finding buildFailed(Observations seen, BuildRun run, String image, Finding.Change change, String rollBack) {
		List<Finding.Evidence> evidence = new ArrayList<>();
		evidence.add(new Finding.Evidence(
				"build", "CI run " + run.id(), "workflow " + run.workflow() + " for commit " + shortCommit(run.commit())
						+ ": " + run.conclusion() + ((run.url() != null) ? " (" + run.url() + ")" : ""),
				run.startedAt()));
		BuildRun.Job job = run.jobs()
			.stream()
			.filter((candidate) -> candidate.conclusion() != null && !"success".equals(candidate.conclusion())
					&& !"skipped".equals(candidate.conclusion()))
			.findFirst()
			.orElse(null);
		String where = "";
		if (job != null) {
			where = " in job " + job.name() + ((job.failedStep() != null) ? ", step '" + job.failedStep() + "'" : "");
			evidence
				.add(new Finding.Evidence("build", "CI job " + job.name(), "job " + job.name() + ": " + job.conclusion()
						+ ((job.failedStep() != null) ? " at step '" + job.failedStep() + "'" : ""), null));
			LogPage log = seen.jobLog(job);
			for (LogLine line : errorLines(log)) {
				evidence.add(new Finding.Evidence("log", "CI job " + job.name() + " log", line.message().strip(),
						line.time()));
			}
		}
		return Finding.of(FindingCode.BUILD_FAILED, seen.service(),
				"CI failed for commit " + shortCommit(run.commit()) + where + ", so " + image + " was never built",
				evidence, change, "fix the failing " + ((job != null) ? job.name() : "build")
						+ " and push again; CI then builds and pushes the image; " + rollBack);
	}

	/** Up to three lines that read like the failure, oldest first. */
	private static List<LogLine> errorLines(LogPage log) {
		if (log == null) {
			return List.of();
		}
		List<LogLine> picked = new ArrayList<>();
		for (LogLine line : log.lines()) {
			String lower = line.message().toLowerCase(Locale.ROOT);
			if (lower.contains("error") || lower.contains("fail") || lower.contains("expected")) {
				picked.add(0, line);
				if (picked.size() == 3) {
					break;
				}
			}
		}
		return picked;
	}

	private static boolean notFound(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		return lower.contains("not found") || lower.contains("manifest unknown");
	}

	private static String pullRemedy(String message, String image) {
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("unauthorized") || lower.contains("denied") || lower.contains("403")) {
			return "give the namespace an imagePullSecret that may read " + image;
		}
		if (notFound(message)) {
			return "push " + image + " or correct the tag in the manifests";
		}
		return "check the registry is reachable from the nodes and the image name is right";
	}

	static String shortCommit(String commit) {
		return (commit == null) ? "(unknown)" : (commit.length() > 7) ? commit.substring(0, 7) : commit;
	}

}
