package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.BackendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an agent reads when the cluster cannot answer: which cluster, what was being read,
 * what to check; never the token.
 */
class KubernetesFailureTests {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.c2VjcmV0LXRva2VuLWJvZHk.c2lnbmF0dXJl";

	private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/shop/deployments/checkout-api";

	@Test
	void anUnreachableApiServerIsABackendFailureNamingTheCluster() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
		}
		try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(
				KubernetesSettings.apiServer(closed, TOKEN))) {
			assertThatExceptionOfType(BackendException.class).isThrownBy(() -> states.snapshot(Shop.target()))
				.satisfies((ex) -> {
					assertThat(ex.backend()).isEqualTo("Kubernetes (" + closed + ")");
					assertThat(ex.getMessage()).isEqualTo("Kubernetes (" + closed
							+ "): reading deployment shop/checkout-api: the API server is unreachable (connection refused)");
				});
		}
	}

	@Test
	void refusedCredentialsAreNamedWithoutTheToken() {
		try (FakeCluster cluster = new FakeCluster()) {
			cluster.server()
				.expect()
				.get()
				.withPath(DEPLOYMENT_PATH)
				.andReturn(401,
						"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}")
				.always();
			try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(
					KubernetesSettings.apiServer(cluster.url(), TOKEN))) {
				assertThatExceptionOfType(BackendException.class).isThrownBy(() -> states.snapshot(Shop.target()))
					.satisfies((ex) -> {
						assertThat(ex.getMessage()).contains("Kubernetes (" + cluster.url() + ")")
							.contains("reading deployment shop/checkout-api")
							.contains("refused the credentials (401 Unauthorized)");
						assertThat(everything(ex)).doesNotContain(TOKEN);
					});
			}
		}
	}

	@Test
	void aForbiddenReadRepeatsTheRbacExplanation() {
		String forbidden = "deployments.apps \\\"checkout-api\\\" is forbidden: User \\\"system:serviceaccount:cairn:cairn\\\" "
				+ "cannot get resource \\\"deployments\\\" in API group \\\"apps\\\" in the namespace \\\"shop\\\"";
		try (FakeCluster cluster = new FakeCluster()) {
			cluster.server()
				.expect()
				.get()
				.withPath(DEPLOYMENT_PATH)
				.andReturn(403,
						"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
								+ forbidden
								+ "\",\"reason\":\"Forbidden\",\"details\":{\"name\":\"checkout-api\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":403}")
				.always();
			try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(cluster.settings())) {
				assertThatExceptionOfType(BackendException.class).isThrownBy(() -> states.snapshot(Shop.target()))
					.withMessageContaining("forbidden (403): deployments.apps \"checkout-api\" is forbidden: "
							+ "User \"system:serviceaccount:cairn:cairn\" cannot get resource \"deployments\"")
					.withMessageContaining(
							"needs get and list on deployments, replicasets, pods, pods/log, jobs and events");
			}
		}
	}

	@Test
	void aTokenEchoedByTheServerIsMasked() {
		try (FakeCluster cluster = new FakeCluster()) {
			cluster.server()
				.expect()
				.get()
				.withPath(DEPLOYMENT_PATH)
				.andReturn(500,
						"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"bad header Authorization: Bearer "
								+ TOKEN + "\",\"code\":500}")
				.always();
			try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(
					KubernetesSettings.apiServer(cluster.url(), TOKEN))) {
				assertThatExceptionOfType(BackendException.class).isThrownBy(() -> states.snapshot(Shop.target()))
					.satisfies((ex) -> {
						assertThat(ex.getMessage()).contains("answered 500")
							.contains("Bearer [credential]")
							.doesNotContain(TOKEN);
					});
			}
		}
	}

	@Test
	void anApiServerThatDoesNotAnswerTimesOut() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						Socket socket = silent.accept();
						accepted.add(socket);
						InputStream in = socket.getInputStream();
						in.read(new byte[4096]);
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
			try (KubernetesDeploymentStates states = new KubernetesDeploymentStates(
					KubernetesSettings.apiServer(url, TOKEN).withRequestTimeout(Duration.ofMillis(300)))) {
				assertThatExceptionOfType(BackendException.class).isThrownBy(() -> states.snapshot(Shop.target()))
					.withMessage("Kubernetes (" + url
							+ "): reading deployment shop/checkout-api: the API server did not answer within 300ms");
			}
			finally {
				for (Socket socket : accepted) {
					socket.close();
				}
			}
		}
	}

	@Test
	void settingsNeverPrintTheToken() {
		KubernetesSettings settings = KubernetesSettings.apiServer(URI.create("https://k8s.example.com:6443"), TOKEN);

		assertThat(settings.toString()).contains("https://k8s.example.com:6443")
			.contains("token set")
			.doesNotContain(TOKEN);
		assertThat(settings.describe()).isEqualTo("Kubernetes (https://k8s.example.com:6443)");
		assertThat(KubernetesSettings.kubeconfig(null, "prod-eu").describe()).isEqualTo("Kubernetes (context prod-eu)");
	}

	private static String everything(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append(current).append('\n');
		}
		return text.toString();
	}

}
