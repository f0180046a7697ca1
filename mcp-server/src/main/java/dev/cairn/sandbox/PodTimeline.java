package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a Deployment's releases through a rolling update (maxSurge 25%, maxUnavailable
 * 25%, which for two or three replicas means one new pod at a time and no old pod taken
 * away before its replacement is ready): each applied release becomes a revision, each
 * revision's pods are created and the previous ones deleted one step at a time. A release
 * whose pods never become available stalls after its first pod, with every old pod still
 * serving, until the next release replaces it.
 */
final class PodTimeline {

	private final Workload workload;

	private final List<Draft> drafts = new ArrayList<>();

	private final Map<Release, Integer> revisions = new HashMap<>();

	private final Map<Release, Instant> completed = new HashMap<>();

	private final List<String> nodes;

	private PodTimeline(Workload workload) {
		this.workload = workload;
		this.nodes = Nodes.of(workload.environment());
	}

	/** The timeline of the releases, given oldest first. */
	static PodTimeline of(Workload workload, List<Release> releases) {
		PodTimeline timeline = new PodTimeline(workload);
		for (Release release : releases) {
			if (release.applied()) {
				timeline.apply(release);
			}
		}
		return timeline;
	}

	List<PodLife> pods() {
		List<PodLife> pods = new ArrayList<>(this.drafts.size());
		for (Draft draft : this.drafts) {
			pods.add(new PodLife(draft.name, Seed.uid(Seed.of(draft.name, "uid")), draft.revision, draft.release,
					draft.replicaSet, draft.created, draft.deleted,
					(PodLife.Behavior.of(draft.release.failure()) == PodLife.Behavior.UNSCHEDULED) ? null
							: Seed.pick(Seed.of(draft.name, "node"), this.nodes),
					PodLife.Behavior.of(draft.release.failure())));
		}
		pods.sort(Comparator.comparing(PodLife::createdAt).thenComparing(PodLife::name));
		return pods;
	}

	Map<Release, Integer> revisions() {
		return this.revisions;
	}

	/** When each release's rollout completed; stalled releases never do. */
	Map<Release, Instant> completions() {
		return this.completed;
	}

	/**
	 * The replica set's name for a release: the Deployment's name and a template hash.
	 */
	static String replicaSet(Workload workload, Release release) {
		return workload.name() + "-" + Seed
			.kubeName(Seed.of(workload.service(), workload.environment(), release.version(), release.commit()), 10);
	}

	private void apply(Release release) {
		int revision = this.revisions.size() + 1;
		this.revisions.put(release, revision);
		Instant at = release.deployedAt();
		// A rollout still under way stops where it is: pods not yet created never
		// will be, and pods waiting to be replaced keep serving.
		this.drafts.removeIf((draft) -> draft.created.isAfter(at));
		List<Draft> serving = new ArrayList<>();
		for (Draft draft : this.drafts) {
			if (draft.deleted != null && draft.deleted.isAfter(at)) {
				draft.deleted = null;
			}
			if (draft.deleted == null) {
				if (draft.release.stalls()) {
					draft.deleted = at.plusSeconds(2);
				}
				else {
					serving.add(draft);
				}
			}
		}
		String replicaSet = replicaSet(this.workload, release);
		Instant first = at.plusSeconds(1);
		if (release.stalls()) {
			this.drafts.add(new Draft(replicaSet, 0, revision, release, first));
			return;
		}
		int replicas = this.workload.replicas();
		Duration ready = Timing.CONTAINER_START.plus(Timing.readyAfter(this.workload.runtime()));
		Duration step = ready.plusSeconds(2);
		if (serving.isEmpty()) {
			for (int i = 0; i < replicas; i++) {
				this.drafts.add(new Draft(replicaSet, i, revision, release, first));
			}
			this.completed.put(release, first.plus(ready));
			return;
		}
		serving.sort(Comparator.comparing((Draft draft) -> draft.created).thenComparing((draft) -> draft.name));
		for (int i = 0; i < replicas; i++) {
			this.drafts.add(new Draft(replicaSet, i, revision, release, first.plus(step.multipliedBy(i))));
		}
		for (int i = 0; i < serving.size(); i++) {
			serving.get(i).deleted = first.plus(step.multipliedBy(Math.min(i, replicas - 1) + 1L));
		}
		this.completed.put(release, first.plus(step.multipliedBy(replicas)));
	}

	/** A pod while the timeline is being played. */
	private static final class Draft {

		final String name;

		final String replicaSet;

		final int revision;

		final Release release;

		final Instant created;

		Instant deleted;

		Draft(String replicaSet, int index, int revision, Release release, Instant created) {
			this.replicaSet = replicaSet;
			this.name = replicaSet + "-" + Seed.kubeName(Seed.of(replicaSet, index, created), 5);
			this.revision = revision;
			this.release = release;
			this.created = created;
		}

	}

}
