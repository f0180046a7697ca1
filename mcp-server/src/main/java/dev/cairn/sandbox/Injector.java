package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one change to the sandbox at a moment: injects a failure as the release that
 * introduced it (deployed 15 to 40 minutes before, so its consequences are already
 * there), makes a dependency fail, fixes what fails, or deploys a version. Arguments are
 * checked against the world first; a change that would repeat the current failure makes
 * none, so injecting is idempotent.
 */
final class Injector {

	private final World world;

	private final Ledger ledger;

	private final Instant now;

	Injector(World world, Ledger ledger, Instant now) {
		this.world = world;
		this.ledger = ledger;
		this.now = now;
	}

	Injection inject(String service, String environment, String failureName, String dependency) {
		Target.environment(environment);
		Failure failure = Target.failure(failureName);
		Target target = Target.resolve(this.world, service, environment);
		if (dependency != null && !dependency.isBlank() && failure != Failure.DEPENDENCY_FAILING) {
			throw new InvalidChange("dependency",
					"only dependency-failing names a dependency, not " + failure.wireName());
		}
		if (failure == Failure.NONE) {
			return fix(target);
		}
		if (failure == Failure.DEPENDENCY_FAILING) {
			return new Outages(this.world, this.ledger, this.now).fail(target, dependency);
		}
		Release latest = latest(target.deployment());
		if (latest != null && latest.carries(failure)) {
			return new Injection(
					target.service(), target.environment(), failure.wireName(), target + " already fails with "
							+ failure.wireName() + " (revision " + latest.version() + "); nothing changed.",
					Injection.Revision.of(target.workload(), latest), null, null);
		}
		Release release = failingRelease(target, failure, latest);
		this.ledger.add(target.key(), release);
		return new Injection(target.service(), target.environment(), failure.wireName(),
				Summaries.deployed(target.workload(), release) + " " + Summaries.effect(target.workload(), release),
				Injection.Revision.of(target.workload(), release), null, null);
	}

	/**
	 * Deploys a version as the delivery system would, healthy unless a failure is named.
	 */
	Injection deploy(String service, String environment, String version, String commit, String author, String message,
			String failureName) {
		String env = Target.environment(environment);
		String name = Target.serviceName(service);
		Failure failure = (failureName == null || failureName.isBlank()) ? null : Target.failure(failureName);
		if (failure != null && failure.rollout() == Failure.Rollout.NONE) {
			throw new InvalidChange("failure",
					failure.wireName() + " does not come with a revision; inject it instead");
		}
		require("version", version);
		require("commit", commit);
		Workload.Key key = new Workload.Key(name, env);
		Deployment deployment = this.world.deployment(name, env);
		if (deployment == null) {
			this.ledger.markFresh(key);
		}
		Release latest = (deployment != null) ? latest(deployment) : null;
		Instant at = (latest != null && !latest.deployedAt().isBefore(this.now)) ? latest.deployedAt().plusSeconds(1)
				: this.now;
		Release release = new Release(version.trim(), commit.trim(), (author != null) ? author : "deploy-bot",
				(message != null) ? message : "Deploy " + version.trim(), at, failure);
		this.ledger.add(key, release);
		Workload workload = (deployment != null) ? deployment.workload() : Workload.unknown(name, env, author);
		return new Injection(name, env, (failure != null) ? failure.wireName() : null,
				Summaries.deployed(workload, release)
						+ ((failure != null) ? " " + Summaries.effect(workload, release) : ""),
				Injection.Revision.of(workload, release), null, null);
	}

	/** What a team does about a failure: a fixed revision, and dependencies back up. */
	private Injection fix(Target target) {
		List<String> said = new ArrayList<>();
		Outages.Recovery recovery = new Outages(this.world, this.ledger, this.now).recover(target);
		if (recovery.dependency() != null) {
			said.add(recovery.summary());
		}
		Release latest = latest(target.deployment());
		Injection.Revision revision = null;
		if (latest != null && latest.failure() != null) {
			String version = Versions.nextPatch(this.world.highestVersion(target.service()));
			Release fixed = new Release(version,
					Baseline.commit(target.service(), "fix#" + target.environment() + this.ledger.count(target.key())),
					Baseline.author(target.workload(), Seed.of(target.service(), target.environment(), "fix", version)),
					Changes.revert(latest), this.now, null);
			this.ledger.add(target.key(), fixed);
			revision = Injection.Revision.of(target.workload(), fixed);
			said.add(0, Summaries.deployed(target.workload(), fixed) + " It replaces " + latest.version() + ", which "
					+ "carried " + latest.failure().wireName() + ".");
		}
		if (said.isEmpty()) {
			said.add(target + " has nothing failing; nothing changed.");
		}
		return new Injection(target.service(), target.environment(), Failure.NONE.wireName(), String.join(" ", said),
				revision, recovery.dependency(), recovery.at());
	}

	private Release failingRelease(Target target, Failure failure, Release latest) {
		long seed = Seed.of(target.service(), target.environment(), failure.wireName(),
				this.ledger.count(target.key()));
		boolean rolledOut = failure.rollout() == Failure.Rollout.COMPLETES && failure != Failure.OOM_KILLED;
		Duration ago = Duration.ofMinutes(rolledOut ? Seed.between(seed, 24, 28) : Seed.between(seed, 15, 40))
			.plusSeconds(Seed.between(seed + 1, 0, 59));
		Instant at = this.now.minus(ago).truncatedTo(ChronoUnit.SECONDS);
		if (latest != null && !at.isAfter(latest.deployedAt().plus(Duration.ofMinutes(2)))) {
			Instant after = latest.deployedAt().plus(Duration.ofMinutes(2));
			at = after.isBefore(this.now) ? after : this.now;
		}
		String version = Versions.nextMinor(this.world.highestVersion(target.service()));
		return new Release(version,
				Baseline.commit(target.service(),
						failure.wireName() + "#" + target.environment() + this.ledger.count(target.key())),
				Baseline.author(target.workload(), seed), Changes.introducing(failure, target.workload()), at, failure);
	}

	/** The newest release by now, applied or not. */
	private Release latest(Deployment deployment) {
		List<Release> releases = deployment.releasesUntil(this.now);
		return releases.isEmpty() ? null : releases.get(0);
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidChange(field, "a deploy needs a " + field);
		}
	}

}
