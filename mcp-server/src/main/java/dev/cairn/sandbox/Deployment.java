package dev.cairn.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service in one environment over time: its releases, the outages of its own pods,
 * the outages of dependencies that its calls run into, and the pods all of that produced.
 * Immutable; every question takes the time it is asked about, so the same object answers
 * for "now" and for any moment of the past.
 */
final class Deployment {

	private final Workload workload;

	private final List<Release> releases;

	private final List<Outage> outages;

	private final List<Outage> upstream;

	private final List<PodLife> pods;

	private final Map<Release, Integer> revisions;

	private final Map<Release, Instant> completions;

	/**
	 * @param releases oldest first
	 * @param outages outages of this service's own pods
	 * @param upstream outages of dependencies this service calls
	 */
	Deployment(Workload workload, List<Release> releases, List<Outage> outages, List<Outage> upstream) {
		this.workload = workload;
		this.releases = List.copyOf(releases);
		this.outages = List.copyOf(outages);
		this.upstream = List.copyOf(upstream);
		PodTimeline timeline = PodTimeline.of(workload, this.releases);
		this.pods = timeline.pods();
		this.revisions = Map.copyOf(timeline.revisions());
		this.completions = Map.copyOf(timeline.completions());
	}

	Workload workload() {
		return this.workload;
	}

	/** Every release, oldest first. */
	List<Release> releases() {
		return this.releases;
	}

	/** Every pod that ever ran, oldest first. */
	List<PodLife> pods() {
		return this.pods;
	}

	List<PodLife> podsAt(Instant time) {
		List<PodLife> alive = new ArrayList<>();
		for (PodLife pod : this.pods) {
			if (pod.aliveAt(time)) {
				alive.add(pod);
			}
		}
		return alive;
	}

	/** The releases deployed by the time, newest first. */
	List<Release> releasesUntil(Instant time) {
		List<Release> until = new ArrayList<>();
		for (int i = this.releases.size() - 1; i >= 0; i--) {
			if (!this.releases.get(i).deployedAt().isAfter(time)) {
				until.add(this.releases.get(i));
			}
		}
		return until;
	}

	/** The newest release that reached the cluster by the time, or {@code null}. */
	Release current(Instant time) {
		return applied(time, 0);
	}

	/** The applied release before the current one, or {@code null}. */
	Release previous(Instant time) {
		return applied(time, 1);
	}

	private Release applied(Instant time, int skip) {
		int seen = 0;
		for (Release release : releasesUntil(time)) {
			if (release.applied() && seen++ == skip) {
				return release;
			}
		}
		return null;
	}

	/** The revision number of an applied release, or 0. */
	int revision(Release release) {
		return this.revisions.getOrDefault(release, 0);
	}

	/** When the release's rollout completed, or {@code null} if it never does. */
	Instant completedAt(Release release) {
		return this.completions.get(release);
	}

	/** The container instances of a pod up to the horizon. */
	List<Run> runs(PodLife pod, Instant horizon) {
		return Runs.of(pod, this.workload.runtime(), this.outages, horizon);
	}

	/** The outage of a dependency this service ran into at the time, or {@code null}. */
	Outage upstreamAt(Instant time) {
		for (Outage outage : this.upstream) {
			if (outage.covers(time)) {
				return outage;
			}
		}
		return null;
	}

	/**
	 * The failed migration of a release that never reached the cluster, when it is the
	 * newest release by the time.
	 */
	MigrationJob failedMigration(Instant time) {
		for (Release release : releasesUntil(time)) {
			if (release.applied()) {
				return null;
			}
			if (release.carries(Failure.MIGRATION_FAILED)) {
				return new MigrationJob(this.workload, release);
			}
		}
		return null;
	}

}
