package dev.cairn.telemetry.kubernetes;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.telemetry.BackendException;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;

import static dev.cairn.telemetry.kubernetes.Shop.ENVOY;
import static dev.cairn.telemetry.kubernetes.Shop.NAMESPACE;
import static dev.cairn.telemetry.kubernetes.Shop.REGISTRY;
import static dev.cairn.telemetry.kubernetes.Shop.SERVICE;
import static dev.cairn.telemetry.kubernetes.Shop.deployment;
import static dev.cairn.telemetry.kubernetes.Shop.deploymentStatus;
import static dev.cairn.telemetry.kubernetes.Shop.pod;
import static dev.cairn.telemetry.kubernetes.Shop.podStatus;
import static dev.cairn.telemetry.kubernetes.Shop.replicaSet;
import static dev.cairn.telemetry.kubernetes.Shop.running;
import static dev.cairn.telemetry.kubernetes.Shop.terminated;
import static dev.cairn.telemetry.kubernetes.Shop.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Container logs as the kubelet serves them ({@code timestamps=true}): CRUD mode does not
 * serve logs, so each test states the exact request the client makes and what the API
 * server answers.
 */
class KubernetesContainerLogTests {

	private static final String POD = SERVICE + "-7c9d8b6f5-x2x9q";

	private static final String LOG_PATH = "/api/v1/namespaces/shop/pods/" + POD + "/log?container=" + SERVICE;

	/** The previous instance of a Spring Boot service that could not start. */
	private static final String CRASH = """
			2026-03-10T14:09:58.112345678Z   .   ____          _            __ _ _
			2026-03-10T14:09:59.501000000Z 2026-03-10T14:09:59.500Z  INFO 1 --- [checkout-api] [           main] d.s.c.CheckoutApplication                : Starting CheckoutApplication v1.8.0 using Java 21.0.6 with PID 1
			2026-03-10T14:10:00.730000000Z 2026-03-10T14:10:00.729Z  WARN 1 --- [checkout-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt
			2026-03-10T14:10:00.901000000Z 2026-03-10T14:10:00.900Z ERROR 1 --- [checkout-api] [           main] o.s.boot.SpringApplication               : Application run failed
			2026-03-10T14:10:00.901100000Z java.lang.IllegalArgumentException: Could not resolve placeholder 'PAYMENTS_URL' in value "${PAYMENTS_URL}"
			2026-03-10T14:10:00.901200000Z \tat org.springframework.util.PropertyPlaceholderHelper.parseStringValue(PropertyPlaceholderHelper.java:180)
			2026-03-10T14:10:00.901300000Z \tat org.springframework.util.PropertyPlaceholderHelper.replacePlaceholders(PropertyPlaceholderHelper.java:126)
			""";

	private FakeCluster cluster;

	private KubernetesDeploymentStates states;

	@BeforeEach
	void start() {
		this.cluster = new FakeCluster();
		this.states = new KubernetesDeploymentStates(this.cluster.settings());
		Deployment deployment = this.cluster.add(deployment(3, "1.8.0", 2, deploymentStatus(4, 1, 3, 3)));
		ReplicaSet current = this.cluster.add(replicaSet(deployment, 2, "7c9d8b6f5", "1.8.0", "9f3c2ab",
				"dana@example.com", 1, "2026-03-10T14:02:11Z"));
		this.cluster.add(pod(current, "x2x9q", "2026-03-10T14:02:11Z", "node-2",
				podStatus("Running", false, "2026-03-10T14:02:13Z",
						running("envoy", ENVOY, true, 0, "2026-03-10T14:02:13Z"),
						waiting(SERVICE, REGISTRY + ":1.8.0", "CrashLoopBackOff", "back-off 2m40s", 5,
								terminated("Error", 1, "2026-03-10T14:09:58Z", "2026-03-10T14:10:01Z")))));
	}

	@AfterEach
	void stop() {
		this.states.close();
		this.cluster.close();
	}

	@Test
	void readsTheCrashedInstancesLastWordsNewestFirstWithTheirLevels() throws InterruptedException {
		expectLog("&previous=true&tailLines=101&timestamps=true", 200, CRASH);

		LogPage page = this.states.containerLog(Shop.target(), POD, SERVICE, true, 100);

		assertThat(this.cluster.server().getLastRequest().getHeader("Authorization"))
			.isEqualTo("Bearer fake-token-do-not-print");
		assertThat(page.truncated()).isFalse();
		assertThat(page.source()).isEqualTo("Kubernetes (" + this.cluster.url() + ")");
		assertThat(page.query()).isEqualTo("kubectl logs --namespace shop " + POD
				+ " --container checkout-api --timestamps --tail=100 --previous");
		assertThat(page.lines()).extracting(LogLine::time)
			.containsExactly(Instant.parse("2026-03-10T14:10:00.901300Z"), Instant.parse("2026-03-10T14:10:00.901200Z"),
					Instant.parse("2026-03-10T14:10:00.901100Z"), Instant.parse("2026-03-10T14:10:00.901Z"),
					Instant.parse("2026-03-10T14:10:00.730Z"), Instant.parse("2026-03-10T14:09:59.501Z"),
					Instant.parse("2026-03-10T14:09:58.112345678Z"));
		assertThat(page.lines()).extracting(LogLine::level)
			.containsExactly("error", "error", "error", "error", "warn", "info", null);
		LogLine cause = page.lines().get(2);
		assertThat(cause.message()).isEqualTo(
				"java.lang.IllegalArgumentException: Could not resolve placeholder 'PAYMENTS_URL' in value \"${PAYMENTS_URL}\"");
		assertThat(cause.pod()).isEqualTo(POD);
		assertThat(cause.container()).isEqualTo(SERVICE);
		assertThat(page.lines().get(0).message()).startsWith("\tat org.springframework.util.PropertyPlaceholderHelper");
	}

	@Test
	void saysTheLogWasCutWhenMoreLinesExistThanAsked() {
		expectLog("&tailLines=4&timestamps=true", 200,
				"""
						2026-03-10T14:20:00.000000001Z {"level":"info","ts":"2026-03-10T14:20:00Z","msg":"listening on :8080"}
						2026-03-10T14:20:01.000000001Z ts=2026-03-10T14:20:01Z level=warn msg="slow upstream" upstream=payments-api latency_ms=2300
						2026-03-10T14:20:02.000000001Z {"level":50,"time":1773152402000,"msg":"upstream payments-api returned 503"}
						2026-03-10T14:20:03.000000001Z {"severity":"ERROR","message":"circuit breaker opened for payments-api"}
						""");

		LogPage page = this.states.containerLog(Shop.target(), POD, SERVICE, false, 3);

		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).extracting(LogLine::level).containsExactly("error", "error", "warn");
		assertThat(page.lines().get(0).message())
			.isEqualTo("{\"severity\":\"ERROR\",\"message\":\"circuit breaker opened for payments-api\"}");
		assertThat(page.query()).doesNotContain("--previous");
	}

	@Test
	void keepsTheNewestLinesWithinTheByteLimit() {
		this.states.close();
		this.states = new KubernetesDeploymentStates(
				this.cluster.settings().withLimits(new KubernetesSettings.Limits(50, 10, 50, 2000, 2000, 200)));
		String log = IntStream.range(0, 10)
			.mapToObj((i) -> "2026-03-10T14:20:0" + i + ".000000000Z INFO request " + i
					+ " served in 12ms by checkout-api (GET /api/cart)\n")
			.collect(Collectors.joining());
		expectLog("&tailLines=101&timestamps=true", 200, log);

		LogPage page = this.states.containerLog(Shop.target(), POD, SERVICE, false, 100);

		assertThat(page.truncated()).isTrue();
		assertThat(page.lines()).extracting(LogLine::message)
			.containsExactly("INFO request 9 served in 12ms by checkout-api (GET /api/cart)",
					"INFO request 8 served in 12ms by checkout-api (GET /api/cart)",
					"INFO request 7 served in 12ms by checkout-api (GET /api/cart)");
	}

	@Test
	void defaultsToTheAppContainerWhenNoneIsNamed() {
		this.cluster.add(new PodBuilder(pod(
				this.cluster.add(replicaSet(
						this.cluster.add(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(
								deployment(1, "1.8.0", 1, deploymentStatus(1, 1, 1, 1)))
							.editMetadata()
							.withName("checkout-api-canary")
							.endMetadata()
							.build()),
						1, "55b6c7d8e9", "1.8.0", "9f3c2ab", "dana@example.com", 1, "2026-03-10T14:02:11Z")),
				"k3j4h", "2026-03-10T14:02:11Z", "node-1", Shop.healthy("1.8.0", "2026-03-10T14:02:13Z")))
			.editMetadata()
			.addToAnnotations("kubectl.kubernetes.io/default-container", SERVICE)
			.endMetadata()
			.build());
		String pod = SERVICE + "-55b6c7d8e9-k3j4h";
		this.cluster.server()
			.expect()
			.get()
			.withPath(
					"/api/v1/namespaces/shop/pods/" + pod + "/log?container=checkout-api&tailLines=11&timestamps=true")
			.andReturn(200, "2026-03-10T14:20:00.000000001Z ready\n")
			.always();

		LogPage page = this.states.containerLog(Shop.target(), pod, null, false, 10);

		assertThat(page.lines()).singleElement().extracting(LogLine::container).isEqualTo(SERVICE);
	}

	@Test
	void refusesPodsThatAreNotTheServices() {
		this.cluster.add(new PodBuilder().withNewMetadata()
			.withName("payments-api-6f7d9c8b7-zt5lp")
			.withNamespace(NAMESPACE)
			.addToLabels("app.kubernetes.io/name", "payments-api")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("payments-api")
			.withImage("registry.example.com/shop/payments-api:3.2.0")
			.endContainer()
			.endSpec()
			.build());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.states.containerLog(Shop.target(), "payments-api-6f7d9c8b7-zt5lp", null, false, 10))
			.withMessage("pod payments-api-6f7d9c8b7-zt5lp in namespace shop is not one of checkout-api's pods");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.states.containerLog(Shop.target(), SERVICE + "-7c9d8b6f5-gone1", SERVICE, false, 10))
			.withMessageStartingWith("there is no pod checkout-api-7c9d8b6f5-gone1 in namespace shop");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.states.containerLog(Shop.target(), POD, "sidecar", false, 10))
			.withMessage("pod " + POD + " has no container sidecar; its containers are envoy, checkout-api");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.states.containerLog(Shop.target(), "../../secrets", SERVICE, false, 10))
			.withMessage("'../../secrets' is not a pod name");
	}

	@Test
	void aContainerWithoutALogIsExplainedInTheApiServersWords() {
		expectLog("&previous=true&tailLines=11&timestamps=true", 400,
				"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"previous terminated container \\\"checkout-api\\\" in pod \\\""
						+ POD + "\\\" not found\",\"reason\":\"BadRequest\",\"code\":400}");

		assertThatExceptionOfType(BackendException.class)
			.isThrownBy(() -> this.states.containerLog(Shop.target(), POD, SERVICE, true, 10))
			.withMessage("Kubernetes (" + this.cluster.url()
					+ "): reading the previous instance's log of container checkout-api in pod shop/" + POD
					+ ": the API server answered 400: previous terminated container \"checkout-api\" in pod \"" + POD
					+ "\" not found");
	}

	private void expectLog(String query, int status, String body) {
		this.cluster.server().expect().get().withPath(LOG_PATH + query).andReturn(status, body).always();
	}

}
