package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentSnapshot.Container;
import dev.cairn.telemetry.DeploymentSnapshot.State;
import dev.cairn.telemetry.DeploymentSnapshot.Termination;

/**
 * A pod at one moment as the kubelet and the scheduler report it: phase, readiness, node,
 * and the {@code app} container's state with the reasons and messages Kubernetes writes
 * (CrashLoopBackOff with its back-off, ImagePullBackOff, the last termination's reason
 * and exit code).
 */
final class ContainerStates {

	static final String UNSCHEDULABLE = "0/" + Nodes.COUNT + " nodes are available: " + Nodes.COUNT
			+ " Insufficient memory. preemption: 0/" + Nodes.COUNT + " nodes are available: " + Nodes.COUNT
			+ " No preemption victims found for incoming pod.";

	private ContainerStates() {
	}

	/**
	 * @param runs the pod's runs, computed beyond the time so the next restart is known
	 */
	static DeploymentSnapshot.Pod pod(Workload workload, PodLife pod, List<Run> runs, Instant time) {
		Container container = container(workload, pod, runs, time);
		boolean scheduled = pod.behavior() != PodLife.Behavior.UNSCHEDULED;
		String phase = (container.state() == State.WAITING
				&& (container.restarts() == 0 && !"CrashLoopBackOff".equals(container.reason()))) ? "Pending"
						: "Running";
		return new DeploymentSnapshot.Pod(pod.name(), pod.revision(), phase, container.ready(), pod.node(),
				scheduled ? null : UNSCHEDULABLE, pod.createdAt(), List.of(), List.of(container));
	}

	static Container container(Workload workload, PodLife pod, List<Run> runs, Instant time) {
		String image = workload.image(pod.release().version());
		if (pod.behavior() == PodLife.Behavior.UNSCHEDULED) {
			return new Container(PodLines.CONTAINER, image, false, 0, State.WAITING, null, null, null, null);
		}
		if (pod.behavior() == PodLife.Behavior.PULL_FAILS) {
			boolean creating = time.isBefore(pod.containerStart());
			return new Container(PodLines.CONTAINER, image, false, 0, State.WAITING,
					creating ? "ContainerCreating" : "ImagePullBackOff",
					creating ? null : "Back-off pulling image \"" + image + "\"", null, null);
		}
		Run run = Runs.at(runs, time);
		if (run == null) {
			return new Container(PodLines.CONTAINER, image, false, 0, State.WAITING, "ContainerCreating", null, null,
					null);
		}
		if (run.runningAt(time)) {
			Termination last = (run.index() > 0) ? termination(runs.get(run.index() - 1)) : null;
			return new Container(PodLines.CONTAINER, image, ready(workload, run, time), run.index(), State.RUNNING,
					null, null, null, last);
		}
		Duration backOff = (run.index() + 1 < runs.size())
				? Duration.between(run.end(), runs.get(run.index() + 1).start()) : Timing.backOff(run.index() + 1);
		String message = "back-off " + Timing.go(backOff) + " restarting failed container=" + PodLines.CONTAINER
				+ " pod=" + pod.name() + "_" + workload.namespace() + "(" + pod.uid() + ")";
		return new Container(PodLines.CONTAINER, image, false, run.index() + 1, State.WAITING, "CrashLoopBackOff",
				message, null, termination(run));
	}

	static boolean ready(Workload workload, Run run, Instant time) {
		return run.serves() && run.runningAt(time)
				&& !time.isBefore(run.start().plus(Timing.readyAfter(workload.runtime())));
	}

	private static Termination termination(Run run) {
		return new Termination(run.ending().reason(), run.ending().exitCode(), null, run.end());
	}

}
