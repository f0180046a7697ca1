package dev.cairn.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.telemetry.DeliveryStatus;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.ServiceTarget;

/**
 * What {@code deployment_status} answers, its lists cut to bounds and ordered for the
 * reader: unhealthy pods first, warning events first.
 *
 * @param service the service
 * @param environment the environment
 * @param deployed whether the service runs there; the rest of the deployment is
 * {@code null} or empty when not
 * @param workload the workload's name in the cluster
 * @param namespace where it runs, when known
 * @param observedAt when the cluster was read
 * @param rollout the rollout's phase and progress
 * @param current the revision rolled out or running
 * @param previous the revision before it, or {@code null}
 * @param podCount how many pods the service has
 * @param pods at most {@value #MAX_PODS} (fewer when the policy limits the caller),
 * unhealthy first, then newest
 * @param podsTruncated {@code truncated, N more} when pods were left out
 * @param eventCount how many recent events there are
 * @param events at most {@value #MAX_EVENTS}, warnings first, then newest
 * @param eventsTruncated {@code truncated, N more} when events were left out
 * @param jobs at most {@value #MAX_JOBS}, newest first
 * @param jobsTruncated {@code truncated, N more} when jobs were left out
 * @param delivery the delivery system's view, or {@code null} when there is none
 * @param notes what could not be read, or {@code null}
 */
record DeploymentAnswer(String service, String environment, boolean deployed, String workload, String namespace,
		Instant observedAt, DeploymentSnapshot.Rollout rollout, DeploymentSnapshot.Revision current,
		DeploymentSnapshot.Revision previous, int podCount, List<DeploymentSnapshot.Pod> pods, String podsTruncated,
		int eventCount, List<DeploymentSnapshot.Event> events, String eventsTruncated,
		List<DeploymentSnapshot.Job> jobs, String jobsTruncated, DeliveryStatus delivery, List<String> notes) {

	static final int MAX_PODS = 20;

	static final int MAX_EVENTS = 20;

	static final int MAX_JOBS = 10;

	private static final Comparator<DeploymentSnapshot.Event> WARNINGS_THEN_NEWEST = Comparator
		.comparing((DeploymentSnapshot.Event event) -> !event.warning())
		.thenComparing(DeploymentSnapshot.Event::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()));

	/**
	 * The answer for a snapshot ({@code null}: not deployed).
	 * @param cap the most items of any list, when the policy limits the caller to fewer
	 * than the bounds above
	 */
	static DeploymentAnswer of(ServiceTarget target, DeploymentSnapshot snapshot, DeliveryStatus delivery,
			List<String> notes, int cap) {
		List<String> allNotes = notes.isEmpty() ? null : List.copyOf(notes);
		if (snapshot == null) {
			return new DeploymentAnswer(target.service(), target.environment(), false, target.kubernetesId(),
					target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, null), null, null, null, null, 0, List.of(),
					null, 0, List.of(), null, List.of(), null, delivery, allNotes);
		}
		List<DeploymentSnapshot.Pod> pods = new ArrayList<>(snapshot.pods());
		// Stable: newest first within each group, as the snapshot lists them.
		pods.sort(Comparator.comparing(DeploymentAnswer::healthy));
		List<DeploymentSnapshot.Event> events = new ArrayList<>(snapshot.events());
		events.sort(WARNINGS_THEN_NEWEST);
		List<DeploymentSnapshot.Job> jobs = snapshot.jobs();
		int maxPods = Math.min(MAX_PODS, cap);
		int maxEvents = Math.min(MAX_EVENTS, cap);
		int maxJobs = Math.min(MAX_JOBS, cap);
		return new DeploymentAnswer(target.service(), target.environment(), true, snapshot.name(), snapshot.namespace(),
				snapshot.observedAt(), snapshot.rollout(), snapshot.current(), snapshot.previous(), pods.size(),
				first(pods, maxPods), truncated(pods, maxPods), events.size(), first(events, maxEvents),
				truncated(events, maxEvents), first(jobs, maxJobs), truncated(jobs, maxJobs), delivery, allNotes);
	}

	/** Ready, or finished its work; anything else is worth reading first. */
	static boolean healthy(DeploymentSnapshot.Pod pod) {
		return pod.ready() || "Succeeded".equals(pod.phase());
	}

	private static <T> List<T> first(List<T> items, int max) {
		return List.copyOf(items.subList(0, Math.min(max, items.size())));
	}

	private static String truncated(List<?> items, int max) {
		return (items.size() > max) ? "truncated, " + (items.size() - max) + " more" : null;
	}

}
