package dev.cairn.telemetry.kubernetes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * The events about a service's objects, picked from all the events of its namespace.
 *
 * <p>
 * The filter runs here rather than in an {@code involvedObject.name} field selector: one
 * list call covers the Deployment, every ReplicaSet, Pod and Job at once (a field
 * selector takes one name), and it behaves the same on every API server. Pods of the
 * service's Jobs are recognised by the {@code <job>-} prefix the Job controller gives
 * them. Both the core ({@code count}, {@code firstTimestamp}, {@code lastTimestamp}) and
 * the events.k8s.io shape ({@code eventTime}, {@code series}) are read.
 */
final class EventSelection {

	private final Set<String> objects = new HashSet<>();

	private final List<String> jobPodPrefixes = new ArrayList<>();

	void add(String kind, String name) {
		this.objects.add(kind + "/" + name);
	}

	void addJob(String name) {
		add("Job", name);
		this.jobPodPrefixes.add(name + "-");
	}

	boolean concerns(Event event) {
		ObjectReference involved = event.getInvolvedObject();
		if (involved == null || involved.getKind() == null || involved.getName() == null) {
			return false;
		}
		if (this.objects.contains(involved.getKind() + "/" + involved.getName())) {
			return true;
		}
		if ("Pod".equals(involved.getKind())) {
			for (String prefix : this.jobPodPrefixes) {
				if (involved.getName().startsWith(prefix)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The events about the service's objects, newest first, at most {@code limit}. */
	List<DeploymentSnapshot.Event> select(List<Event> events, int limit) {
		List<DeploymentSnapshot.Event> selected = new ArrayList<>();
		for (Event event : events) {
			if (concerns(event)) {
				selected.add(of(event));
			}
		}
		selected.sort(Comparator
			.comparing(DeploymentSnapshot.Event::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(DeploymentSnapshot.Event::objectName));
		return (selected.size() > limit) ? List.copyOf(selected.subList(0, limit)) : selected;
	}

	static DeploymentSnapshot.Event of(Event event) {
		Instant created = KubeTimes.parse(event.getMetadata().getCreationTimestamp());
		Instant eventTime = KubeTimes.parse(event.getEventTime());
		Instant seriesLast = (event.getSeries() != null) ? KubeTimes.parse(event.getSeries().getLastObservedTime())
				: null;
		Instant first = KubeTimes.firstOf(KubeTimes.parse(event.getFirstTimestamp()), eventTime, created);
		Instant last = KubeTimes.firstOf(KubeTimes.parse(event.getLastTimestamp()), seriesLast, eventTime, first);
		int count;
		if (event.getCount() != null && event.getCount() > 0) {
			count = event.getCount();
		}
		else if (event.getSeries() != null && event.getSeries().getCount() != null
				&& event.getSeries().getCount() > 0) {
			count = event.getSeries().getCount();
		}
		else {
			count = 1;
		}
		ObjectReference involved = event.getInvolvedObject();
		return new DeploymentSnapshot.Event(event.getType(), event.getReason(), involved.getKind(), involved.getName(),
				event.getMessage(), count, first, last);
	}

}
