package dev.cairn.telemetry.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.Pod;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;

/**
 * A pod as the kubelet and the scheduler report it: phase, readiness, node, why it could
 * not be scheduled, and every container's state with its last termination. Containers are
 * listed in the pod spec's order; one the kubelet has not reported on yet (an unscheduled
 * pod's) is waiting, without a reason.
 */
final class PodStates {

	private PodStates() {
	}

	static Pod of(io.fabric8.kubernetes.api.model.Pod pod, int revision) {
		PodSpec spec = (pod.getSpec() != null) ? pod.getSpec() : new PodSpec();
		PodStatus status = (pod.getStatus() != null) ? pod.getStatus() : new PodStatus();
		PodCondition ready = condition(status, "Ready");
		PodCondition scheduled = condition(status, "PodScheduled");
		String unschedulable = (scheduled != null && "False".equals(scheduled.getStatus()))
				? firstNonBlank(scheduled.getMessage(), scheduled.getReason()) : null;
		return new Pod(pod.getMetadata().getName(), revision,
				(status.getPhase() != null) ? status.getPhase() : "Unknown",
				ready != null && "True".equals(ready.getStatus()), spec.getNodeName(), unschedulable,
				KubeTimes.parse(pod.getMetadata().getCreationTimestamp()),
				containers(spec.getInitContainers(), status.getInitContainerStatuses()),
				containers(spec.getContainers(), status.getContainerStatuses()));
	}

	private static List<Container> containers(List<io.fabric8.kubernetes.api.model.Container> specs,
			List<ContainerStatus> statuses) {
		Map<String, ContainerStatus> byName = new HashMap<>();
		if (statuses != null) {
			for (ContainerStatus status : statuses) {
				byName.put(status.getName(), status);
			}
		}
		List<Container> containers = new ArrayList<>();
		if (specs != null) {
			for (io.fabric8.kubernetes.api.model.Container spec : specs) {
				containers.add(container(spec.getName(), spec.getImage(), byName.remove(spec.getName())));
			}
		}
		// A status without a spec should not happen; show it rather than lose it.
		for (ContainerStatus orphan : byName.values()) {
			containers.add(container(orphan.getName(), orphan.getImage(), orphan));
		}
		return containers;
	}

	private static Container container(String name, String specImage, ContainerStatus status) {
		String image = (specImage != null) ? specImage : (status != null) ? status.getImage() : null;
		if (status == null) {
			return new Container(name, image, false, 0, State.WAITING, null, null, null, null);
		}
		int restarts = (status.getRestartCount() != null) ? status.getRestartCount() : 0;
		boolean ready = Boolean.TRUE.equals(status.getReady());
		Termination last = termination((status.getLastState() != null) ? status.getLastState().getTerminated() : null);
		ContainerState state = status.getState();
		if (state != null && state.getTerminated() != null) {
			ContainerStateTerminated terminated = state.getTerminated();
			return new Container(name, image, ready, restarts, State.TERMINATED, terminated.getReason(),
					terminated.getMessage(), terminated.getExitCode(), last);
		}
		if (state != null && state.getRunning() != null) {
			return new Container(name, image, ready, restarts, State.RUNNING, null, null, null, last);
		}
		String reason = (state != null && state.getWaiting() != null) ? state.getWaiting().getReason() : null;
		String message = (state != null && state.getWaiting() != null) ? state.getWaiting().getMessage() : null;
		return new Container(name, image, ready, restarts, State.WAITING, reason, message, null, last);
	}

	private static Termination termination(ContainerStateTerminated terminated) {
		if (terminated == null) {
			return null;
		}
		return new Termination(terminated.getReason(),
				(terminated.getExitCode() != null) ? terminated.getExitCode() : 0, terminated.getMessage(),
				KubeTimes.parse(terminated.getFinishedAt()));
	}

	private static PodCondition condition(PodStatus status, String type) {
		if (status.getConditions() != null) {
			for (PodCondition condition : status.getConditions()) {
				if (type.equals(condition.getType())) {
					return condition;
				}
			}
		}
		return null;
	}

	private static String firstNonBlank(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

}
