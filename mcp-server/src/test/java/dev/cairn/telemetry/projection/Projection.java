package dev.cairn.telemetry.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.DeployRecord;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.Metrics;
import dev.cairn.telemetry.ServiceTarget;

/**
 * Any platform's state (anything that implements the five telemetry ports: the in-process
 * fake, the embedded sandbox) stood up as the real backends' stand-ins, with the real
 * adapters pointed at them: Kubernetes in fabric8's mock API server, Loki, Argo CD and
 * GitHub Actions in WireMock. Metrics go through a real Prometheus, which has to be
 * filled before it starts and so is projected apart ({@link MetricProjection}); its
 * adapter is handed to {@link #backends}.
 *
 * <p>
 * Every stand-in reads the source once, when the projection is made, and then answers
 * from what it holds. A port the source lacks stays absent in the projection.
 */
public final class Projection implements AutoCloseable {

	private final String environment;

	private final Clock clock;

	private final List<AutoCloseable> closing = new ArrayList<>();

	private ClusterProjection cluster;

	private LokiStandIn loki;

	private ArgoCdStandIn argocd;

	private GitHubStandIn github;

	private Projection(String environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * Reads what {@code source} says of each target and stands it up.
	 * @param clock the diagnosis' clock: "now" for the log history read and for the
	 * snapshot's time
	 */
	public static Projection of(EnvironmentBackends source, List<ServiceTarget> targets, Clock clock) {
		Projection projection = new Projection(source.environment(), clock);
		try {
			if (source.deployments() != null) {
				projection.cluster = projection.closeLater(ClusterProjection.of(source.deployments(), targets));
			}
			if (source.logs() != null) {
				projection.loki = projection.closeLater(LokiStandIn.of(source.logs(), targets, clock.instant()));
			}
			if (source.delivery() != null) {
				projection.argocd = projection.closeLater(ArgoCdStandIn.of(source.delivery(), targets));
			}
			if (source.builds() != null) {
				projection.github = projection.closeLater(GitHubStandIn.of(source.builds(), commits(source, targets)));
			}
		}
		catch (RuntimeException ex) {
			projection.close();
			throw ex;
		}
		return projection;
	}

	/**
	 * The commits a diagnosis may ask CI about: each target's deployed revisions, its
	 * delivery's revision and the commits of its deploy history.
	 */
	static Map<ServiceTarget, Set<String>> commits(EnvironmentBackends source, List<ServiceTarget> targets) {
		Map<ServiceTarget, Set<String>> commits = new LinkedHashMap<>();
		for (ServiceTarget target : targets) {
			Set<String> wanted = new LinkedHashSet<>();
			try {
				if (source.deployments() != null) {
					DeploymentSnapshot snapshot = source.deployments().snapshot(target).orElse(null);
					if (snapshot != null) {
						addIfSet(wanted, (snapshot.current() != null) ? snapshot.current().commit() : null);
						addIfSet(wanted, (snapshot.previous() != null) ? snapshot.previous().commit() : null);
					}
				}
				if (source.delivery() != null) {
					source.delivery().status(target).ifPresent((status) -> addIfSet(wanted, status.revision()));
					for (DeployRecord record : source.delivery().history(target, ArgoCdStandIn.HISTORY)) {
						addIfSet(wanted, record.commit());
					}
				}
			}
			catch (BackendException | IllegalArgumentException ex) {
				// What the source cannot say about deploys, CI is not asked about.
			}
			commits.put(target, wanted);
		}
		return commits;
	}

	private static void addIfSet(Set<String> set, String value) {
		if (value != null && !value.isBlank()) {
			set.add(value);
		}
	}

	private <T extends AutoCloseable> T closeLater(T standIn) {
		this.closing.add(standIn);
		return standIn;
	}

	/**
	 * The environment's backends as the real adapters read them from the stand-ins.
	 * @param metrics the metrics adapter ({@link MetricProjection#metrics}), or
	 * {@code null} for none
	 */
	public EnvironmentBackends backends(Metrics metrics) {
		return new EnvironmentBackends(this.environment,
				(this.cluster != null) ? this.cluster.states(this.clock) : null,
				(this.loki != null) ? this.loki.logs() : null, metrics,
				(this.argocd != null) ? this.argocd.delivery() : null,
				(this.github != null) ? this.github.builds() : null);
	}

	/** What the stand-ins could not hold as the source has it. */
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		if (this.cluster != null) {
			notes.addAll(this.cluster.notes());
		}
		if (this.loki != null) {
			notes.addAll(this.loki.notes());
		}
		if (this.argocd != null) {
			notes.addAll(this.argocd.notes());
		}
		if (this.github != null) {
			notes.addAll(this.github.notes());
		}
		return notes;
	}

	@Override
	public void close() {
		for (AutoCloseable standIn : this.closing) {
			try {
				standIn.close();
			}
			catch (Exception ex) {
				// closing the others matters more
			}
		}
		this.closing.clear();
	}

}
