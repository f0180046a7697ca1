package dev.cairn.telemetry.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import dev.cairn.telemetry.BackendException;

/**
 * Builds the fabric8 client for a {@link KubernetesSettings}.
 */
final class KubernetesClients {

	private KubernetesClients() {
	}

	static KubernetesClient create(KubernetesSettings settings) {
		Config base = baseConfig(settings);
		int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
		ConfigBuilder config = new ConfigBuilder(base).withNamespace(settings.defaultNamespace())
			.withRequestTimeout(timeoutMillis)
			.withConnectionTimeout(timeoutMillis)
			// No silent retries: a question from an agent should fail within one timeout,
			// and the agent can ask again.
			.withRequestRetryBackoffLimit(0);
		if (settings.apiServer() != null) {
			config.withMasterUrl(settings.apiServer().toString()).withTrustCerts(settings.trustCerts());
			if (settings.token() != null) {
				config.withOauthToken(settings.token());
			}
			if (settings.caFile() != null) {
				config.withCaCertFile(settings.caFile().toString());
			}
		}
		// The JDK's HttpClient: fabric8's default (Vert.x) would bring Netty into the
		// jar.
		return new KubernetesClientBuilder().withConfig(config.build())
			.withHttpClientFactory(new JdkHttpClientFactory())
			.build();
	}

	private static Config baseConfig(KubernetesSettings settings) {
		if (settings.apiServer() != null) {
			// Nothing from the environment, ~/.kube or a service account: only what is
			// set.
			return Config.empty();
		}
		try {
			if (settings.kubeconfig() != null) {
				return Config.fromKubeconfig(settings.context(), settings.kubeconfig().toFile());
			}
			return Config.autoConfigure(settings.context());
		}
		catch (KubernetesClientException | IllegalArgumentException ex) {
			throw new BackendException(settings.describe(), "could not load the kubeconfig"
					+ ((settings.context() != null) ? " context " + settings.context() : "") + ": " + ex.getMessage(),
					ex);
		}
	}

}
