package dev.cairn.telemetry.kubernetes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.DeploymentStates;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * {@link DeploymentStates} read from a Kubernetes cluster.
 *
 * <p>
 * A service is the Deployment named by its {@code backstage.io/kubernetes-id} (else its
 * name) in the namespace of its {@code backstage.io/kubernetes-namespace} (else the
 * settings' default); when no Deployment has that name and the catalog gives a
 * {@code backstage.io/kubernetes-label-selector}, the Deployment that selector matches
 * (the first by name when several do). A snapshot takes one list call per kind
 * (ReplicaSets, Pods, Jobs, Events), each bounded by
 * {@link KubernetesSettings.Limits#scan()}; its lists are then cut to their own limits,
 * newest kept. Container logs are served for the service's pods only.
 *
 * <p>
 * Failures are {@link dev.cairn.telemetry.BackendException}s naming the cluster (its URL
 * or kubeconfig context) and what was being read; a service that is not deployed, or a
 * namespace that does not exist, is an empty snapshot. Thread-safe; {@link #close()}
 * releases the client.
 */
public final class KubernetesDeploymentStates implements DeploymentStates, AutoCloseable {

	private final KubernetesClient client;

	private final String backend;

	private final SnapshotReader snapshots;

	private final ContainerLogs logs;

	/** Connects as the settings say (nothing is sent until the first question). */
	public KubernetesDeploymentStates(KubernetesSettings settings) {
		this(settings, KubernetesClients.create(settings), Clock.systemUTC());
	}

	KubernetesDeploymentStates(KubernetesSettings settings, KubernetesClient client, Clock clock) {
		this.client = client;
		Config config = client.getConfiguration();
		List<String> secrets = new ArrayList<>();
		for (String secret : new String[] { settings.token(), config.getOauthToken(), config.getAutoOAuthToken(),
				config.getPassword() }) {
			if (secret != null) {
				secrets.add(secret);
			}
		}
		// Without a URL or a context in the settings, the one kubectl would use names it.
		String name = (settings.apiServer() == null && settings.context() == null && config.getMasterUrl() != null)
				? "Kubernetes (" + config.getMasterUrl() + ")" : settings.describe();
		KubernetesFailures failures = new KubernetesFailures(name, settings.requestTimeout(), secrets);
		this.backend = failures.mask(name);
		Cluster cluster = new Cluster(client, settings, failures);
		this.snapshots = new SnapshotReader(cluster, clock);
		this.logs = new ContainerLogs(cluster, clock, this.backend);
	}

	/** How the cluster is named in messages and log pages. */
	public String backend() {
		return this.backend;
	}

	@Override
	public Optional<DeploymentSnapshot> snapshot(ServiceTarget target) {
		return this.snapshots.read(target);
	}

	@Override
	public LogPage containerLog(ServiceTarget target, String pod, String container, boolean previous, int maxLines) {
		return this.logs.read(target, pod, container, previous, maxLines);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
