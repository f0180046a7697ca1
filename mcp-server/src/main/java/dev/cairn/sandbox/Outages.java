package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a service's dependency fail at runtime (its pods lose their database and
 * crash-loop, with no new revision of either), and brings such dependencies back.
 */
final class Outages {

	private final World world;

	private final Ledger ledger;

	private final Instant now;

	Outages(World world, Ledger ledger, Instant now) {
		this.world = world;
		this.ledger = ledger;
		this.now = now;
	}

	/**
	 * The named dependency, else the first component the service depends on that runs in
	 * the environment, starts failing about 15 minutes before now.
	 */
	Injection fail(Target target, String named) {
		Deployment dependency = dependency(target, named);
		Workload failing = dependency.workload();
		for (Outage outage : this.ledger.outages()) {
			if (outage.cause().equals(target.service()) && outage.environment().equals(target.environment())
					&& outage.dependency().service().equals(failing.service()) && outage.ongoingAt(this.now)) {
				return injection(target, failing, outage, "already fails");
			}
		}
		long seed = Seed.of(target.service(), target.environment(), failing.service(), this.ledger.outages().size());
		Instant since = this.now.minus(Duration.ofSeconds(Seed.between(seed, 14 * 60, 16 * 60)))
			.truncatedTo(ChronoUnit.SECONDS);
		Outage outage = new Outage(new Workload.Peer(failing.service(), failing.namespace(), failing.name()),
				target.environment(), target.service(), since, null);
		this.ledger.add(outage);
		return injection(target, failing, outage, "has been failing");
	}

	/** Ends the outages the service caused or suffers, as of now. */
	Recovery recover(Target target) {
		List<String> recovered = new ArrayList<>();
		for (Outage outage : this.ledger.outages()) {
			boolean involved = outage.environment().equals(target.environment())
					&& (outage.cause().equals(target.service())
							|| outage.dependency().service().equals(target.service()));
			if (involved && outage.ongoingAt(this.now)) {
				this.ledger.replace(outage, outage.endedAt(this.now));
				if (!recovered.contains(outage.dependency().service())) {
					recovered.add(outage.dependency().service());
				}
			}
		}
		if (recovered.isEmpty()) {
			return new Recovery(null, null, null);
		}
		String names = String.join(", ", recovered);
		return new Recovery(names, this.now, names + " got its database back in " + target.environment()
				+ "; its pods start again after their current back-off.");
	}

	private Deployment dependency(Target target, String named) {
		List<Workload.Peer> dependencies = target.workload().dependencies();
		if (named != null && !named.isBlank()) {
			String name = Target.serviceName(named);
			Deployment deployment = this.world.deployment(name, target.environment());
			if (deployment == null || name.equals(target.service())) {
				throw new InvalidChange("dependency", "'" + named + "' is not another service deployed in "
						+ target.environment() + "; " + target.service() + " depends on " + names(dependencies));
			}
			return deployment;
		}
		for (Workload.Peer peer : dependencies) {
			Deployment deployment = this.world.deployment(peer.service(), target.environment());
			if (deployment != null) {
				return deployment;
			}
		}
		throw new InvalidChange("dependency", target.service() + " depends on no component deployed in "
				+ target.environment() + "; name one with dependency");
	}

	private static String names(List<Workload.Peer> peers) {
		if (peers.isEmpty()) {
			return "no component deployed there";
		}
		List<String> names = new ArrayList<>();
		peers.forEach((peer) -> names.add(peer.service()));
		return String.join(", ", names);
	}

	private static Injection injection(Target target, Workload failing, Outage outage, String verb) {
		return new Injection(target.service(), target.environment(), Failure.DEPENDENCY_FAILING.wireName(),
				failing.service() + " " + verb + " in " + target.environment() + " since "
						+ Summaries.time(outage.since()) + ": its pods crash-loop because " + failing.databaseHost()
						+ ":5432 refuses connections, and " + target.service() + "'s calls to it fail with 503. "
						+ "No new revision of either was deployed.",
				null, failing.service(), outage.since());
	}

	/**
	 * Dependencies that came back.
	 *
	 * @param dependency their names, or {@code null} when none did
	 * @param at when
	 * @param summary what happened
	 */
	record Recovery(String dependency, Instant at, String summary) {

	}

}
