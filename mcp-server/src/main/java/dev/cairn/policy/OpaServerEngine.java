package dev.cairn.policy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * Decides by asking an OPA server through its REST Data API: {@code POST
 * {url}/v1/data/{path}?provenance=true} with {@code {"input": ...}}. OPA answers
 * {@code {"result": ..., "decision_id": ..., "provenance": ...}}, and leaves
 * {@code result} out when the document is undefined. The revision is taken from the
 * provenance (the bundles' revisions). Anything but a 200 with a JSON object, and any
 * failure to get one in time, is {@link PolicyUnavailableException}: the caller fails
 * closed.
 */
final class OpaServerEngine implements PolicyEngine {

	private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");

	private static final int MAX_MESSAGE = 300;

	private final URI endpoint;

	/** {@code host:port} for messages: never the URL's user info. */
	private final String server;

	private final Duration timeout;

	private final String token;

	private final HttpClient client;

	private volatile String lastRevision = PolicyBundle.NO_REVISION;

	/**
	 * @param url OPA's base URL, for example {@code http://opa:8181}
	 * @param path the document's path under {@code /v1/data}, for example
	 * {@code cairn/authz/decision}
	 * @param timeout the limit of connecting and of the whole request
	 * @param token a bearer token for OPA's {@code --authentication=token}, or
	 * {@code null}
	 */
	OpaServerEngine(URI url, String path, Duration timeout, String token) {
		if (url == null || url.getScheme() == null || url.getHost() == null) {
			throw new IllegalArgumentException(
					"cairn.policy.engine=opa needs cairn.policy.opa.url, for example http://localhost:8181");
		}
		if (!PATH.matcher(path).matches()) {
			throw new IllegalArgumentException(
					"cairn.policy.opa.path must be a path such as cairn/authz/decision, not \"" + path + "\"");
		}
		String base = url.toString().replaceAll("/+$", "");
		this.endpoint = URI.create(base + "/v1/data/" + path + "?provenance=true");
		this.server = this.endpoint.getHost() + ((this.endpoint.getPort() != -1) ? ":" + this.endpoint.getPort() : "");
		this.timeout = timeout;
		this.token = (token != null && !token.isBlank()) ? token : null;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public DecisionDocument evaluate(PolicyInput input) {
		String body;
		try {
			body = "{\"input\":" + Values.toJsonText(input.toValue()) + "}";
		}
		catch (IllegalArgumentException ex) {
			throw unavailable("the input is not JSON: " + ex.getMessage(), ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			throw unavailable("OPA at " + this.server + " did not answer within " + this.timeout.toMillis() + " ms",
					ex);
		}
		catch (ConnectException ex) {
			throw unavailable("cannot connect to OPA at " + this.server + ": "
					+ ((ex.getMessage() != null) ? ex.getMessage() : "connection refused"), ex);
		}
		catch (IOException ex) {
			throw unavailable("OPA at " + this.server + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted while waiting for OPA", ex);
		}
		return read(response);
	}

	private DecisionDocument read(HttpResponse<String> response) {
		Value answer = parse(response.body());
		if (response.statusCode() != 200) {
			throw unavailable("OPA answered HTTP " + response.statusCode() + describeError(answer, response.body()),
					null);
		}
		if (!(answer instanceof ObjectValue object)) {
			throw unavailable("OPA's answer is not a JSON object: " + clip(response.body()), null);
		}
		String revision = revisionOf(object.get("provenance"));
		this.lastRevision = revision;
		Value decisionId = object.get("decision_id");
		String id = (decisionId instanceof StringValue text) ? text.value() : null;
		// An undefined document is a 200 without "result": the mapping fails it closed.
		return new DecisionDocument(object.get("result"), revision, id);
	}

	private static Value parse(String body) {
		try {
			return (body != null && !body.isBlank()) ? Values.parseJson(body) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** OPA's error body is {@code {"code": ..., "message": ..., "errors": [...]}}. */
	private static String describeError(Value answer, String body) {
		if (answer instanceof ObjectValue error && error.get("code") instanceof StringValue code) {
			String message = (error.get("message") instanceof StringValue text) ? text.value() : "";
			return ": " + code.value() + (message.isEmpty() ? "" : ": " + clip(message));
		}
		return (body == null || body.isBlank()) ? "" : ": " + clip(body);
	}

	/**
	 * The revisions of the bundles OPA serves ({@code name@revision}, sorted), else the
	 * deprecated top-level revision, else OPA's version.
	 */
	private static String revisionOf(Value provenance) {
		if (!(provenance instanceof ObjectValue object)) {
			return "opa";
		}
		if (object.get("bundles") instanceof ObjectValue bundles && !bundles.isEmpty()) {
			TreeMap<String, String> revisions = new TreeMap<>();
			bundles.forEach((name, bundle) -> {
				Value revision = (bundle instanceof ObjectValue fields) ? fields.get("revision") : null;
				revisions.put(text(name), (revision instanceof StringValue text) ? text.value() : "?");
			});
			List<String> parts = new ArrayList<>();
			revisions.forEach((name, revision) -> parts.add(name + "@" + revision));
			return String.join(",", parts);
		}
		if (object.get("revision") instanceof StringValue revision && !revision.value().isEmpty()) {
			return revision.value();
		}
		if (object.get("version") instanceof StringValue version) {
			return "opa-" + version.value();
		}
		return "opa";
	}

	private static String text(Value value) {
		return (value instanceof StringValue string) ? string.value() : value.toString();
	}

	private static String clip(String text) {
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() > MAX_MESSAGE) ? line.substring(0, MAX_MESSAGE) + "..." : line;
	}

	private PolicyUnavailableException unavailable(String message, Throwable cause) {
		return new PolicyUnavailableException(message, this.lastRevision, cause);
	}

	@Override
	public String revision() {
		return this.lastRevision;
	}

	@Override
	public String describe() {
		return "opa " + this.endpoint.getScheme() + "://" + this.server + this.endpoint.getPath();
	}

}
