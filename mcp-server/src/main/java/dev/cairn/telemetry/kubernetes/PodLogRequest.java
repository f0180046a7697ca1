package dev.cairn.telemetry.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

/**
 * {@code GET /api/v1/namespaces/<ns>/pods/<pod>/log}, sent through the client's own HTTP
 * client (so with its credentials), as a stream.
 *
 * <p>
 * Why not fabric8's {@code getLogReader()}: before each read it starts an informer (a
 * list and a watch on the pod) to wait for the pod to be ready, which costs two requests,
 * needs {@code watch} on pods, and logs an error when the client closes meanwhile; a
 * crashed container's log needs none of that.
 */
final class PodLogRequest {

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final KubernetesClient client;

	private final Duration timeout;

	PodLogRequest(KubernetesClient client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	/** The path and query of the request (names must already be valid DNS names). */
	static String path(String namespace, String pod, String container, boolean previous, int tailLines) {
		return "api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?container=" + container
				+ (previous ? "&previous=true" : "") + "&tailLines=" + tailLines + "&timestamps=true";
	}

	/**
	 * The log text; the caller closes it.
	 * @throws KubernetesClientException when the request fails or the API server refuses
	 * it, with the API server's status
	 */
	Reader open(String namespace, String pod, String container, boolean previous, int tailLines) {
		String master = this.client.getMasterUrl().toString();
		String url = (master.endsWith("/") ? master : master + "/")
				+ path(namespace, pod, container, previous, tailLines);
		HttpClient http = this.client.getHttpClient();
		HttpRequest request = http.newHttpRequestBuilder()
			.uri(url)
			.timeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.build();
		HttpResponse<InputStream> response;
		try {
			response = http.sendAsync(request, InputStream.class).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new KubernetesClientException("the log request timed out", ex);
		}
		catch (ExecutionException ex) {
			throw new KubernetesClientException("the log request failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KubernetesClientException("interrupted while waiting for the log", ex);
		}
		if (!response.isSuccessful()) {
			throw refused(response);
		}
		return new InputStreamReader(response.body(), StandardCharsets.UTF_8);
	}

	private KubernetesClientException refused(HttpResponse<InputStream> response) {
		String body;
		try (InputStream in = response.body()) {
			body = (in != null) ? new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			body = "";
		}
		Status status;
		try {
			status = this.client.getKubernetesSerialization().unmarshal(body, Status.class);
		}
		catch (RuntimeException notAStatus) {
			status = null;
		}
		if (status == null || status.getMessage() == null) {
			status = new StatusBuilder().withCode(response.code())
				.withMessage(body.isBlank() ? null : body.strip())
				.build();
		}
		return new KubernetesClientException(status.getMessage(), response.code(), status);
	}

}
