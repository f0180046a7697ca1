package dev.cairn.rego.internal.eval;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * {@code http.send}: an HTTP request to a host the embedding application allows, with the
 * request and response objects OPA defines. Identical requests within one evaluation are
 * sent once. Options this engine does not implement (client certificates, the inter-query
 * cache) are refused by name rather than ignored.
 */
final class HttpSend {

	private static final Set<String> SUPPORTED = Set.of("method", "url", "body", "raw_body", "headers",
			"enable_redirect", "force_json_decode", "force_yaml_decode", "timeout", "raise_error", "max_retry_attempts",
			"cache", "force_cache", "force_cache_duration_seconds", "caching_mode", "cache_ignored_headers");

	private static final Set<String> UNSUPPORTED = Set.of("tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file",
			"tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
			"tls_client_key", "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify",
			"tls_server_name");

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private HttpSend() {
	}

	static void registerAll() {
		Functions.registerHosted("http.send", 1, HttpSend::send);
	}

	private static Value send(Evaluator ev, Scope scope, Value[] args) {
		ObjectValue request = StringBuiltins.object(args[0], 1);
		Value cached = ev.host.httpResponses.get(request);
		if (cached != null) {
			return cached;
		}
		Request r = Request.parse(request);
		Value response;
		try {
			response = exchange(ev, r);
		}
		catch (NetworkFailure ex) {
			if (r.raiseError()) {
				throw Functions.builtinError(ex.getMessage());
			}
			response = ObjectValue.builder()
				.put(StringValue.of("status_code"), NumberValue.ZERO)
				.put(StringValue.of("error"),
						ObjectValue.builder()
							.put(StringValue.of("code"), StringValue.of("eval_http_send_network_error"))
							.put(StringValue.of("message"), StringValue.of(ex.getMessage()))
							.build())
				.build();
		}
		ev.host.httpResponses.put(request, response);
		return response;
	}

	private static Value exchange(Evaluator ev, Request r) {
		int port = r.uri().getPort();
		if (port < 0) {
			port = "https".equals(r.uri().getScheme()) ? 443 : 80;
		}
		String host = r.uri().getHost();
		ev.host.requireAllowed(host, port);
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(r.timeout())
			.followRedirects(r.redirect() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
			.build();
		HttpRequest.Builder builder = HttpRequest.newBuilder(r.uri()).timeout(r.timeout());
		r.headers().forEach(builder::header);
		builder.method(r.method(), (r.body() == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
		IOException last = null;
		for (int attempt = 0; attempt <= r.retries(); attempt++) {
			try {
				HttpResponse<String> response = client.send(builder.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return response(response, r);
			}
			catch (IOException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new NetworkFailure(r.method() + " " + r.uri() + ": interrupted");
			}
		}
		throw new NetworkFailure(r.method() + " " + r.uri() + ": " + describe(last));
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message == null) ? "" : ": " + message);
	}

	private static Value response(HttpResponse<String> response, Request r) {
		ObjectValue.Builder headers = ObjectValue.builder();
		for (Map.Entry<String, List<String>> h : new TreeMap<>(response.headers().map()).entrySet()) {
			if (h.getKey().startsWith(":")) {
				continue;
			}
			headers.put(StringValue.of(h.getKey().toLowerCase(Locale.ROOT)),
					ArrayValue.of(h.getValue().stream().map(StringValue::of).toList()));
		}
		String contentType = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
		String raw = response.body();
		Value body = NullValue.NULL;
		if (r.forceJson() || contentType.startsWith("application/json")) {
			body = decode(raw, false, r);
		}
		else if (r.forceYaml() || contentType.startsWith("application/yaml")
				|| contentType.startsWith("application/x-yaml")) {
			body = decode(raw, true, r);
		}
		return ObjectValue.builder()
			.put(StringValue.of("status"), StringValue.of(status(response.statusCode())))
			.put(StringValue.of("status_code"), NumberValue.of(response.statusCode()))
			.put(StringValue.of("headers"), headers.build())
			.put(StringValue.of("raw_body"), StringValue.of(raw))
			.put(StringValue.of("body"), body)
			.build();
	}

	private static Value decode(String raw, boolean yaml, Request r) {
		if (raw.isEmpty()) {
			return NullValue.NULL;
		}
		try {
			return yaml ? Values.fromJson(JsonTextBuiltins.readYaml(raw)) : Values.parseJson(raw);
		}
		catch (RuntimeException ex) {
			throw Functions.builtinError(r.method() + " " + r.uri() + ": response body is not valid "
					+ (yaml ? "YAML" : "JSON") + ": " + ex.getMessage());
		}
	}

	/** Go's {@code resp.Status}: the code and its reason phrase. */
	private static String status(int code) {
		String reason = switch (code) {
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 304 -> "Not Modified";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 409 -> "Conflict";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "";
		};
		return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
	}

	/** A failure to reach the server, reported as an error object when not raised. */
	private static final class NetworkFailure extends RuntimeException {

		NetworkFailure(String message) {
			super(message, null, false, false);
		}

	}

	/** A validated request object. */
	private record Request(String method, URI uri, Map<String, String> headers, String body, boolean redirect,
			boolean forceJson, boolean forceYaml, Duration timeout, boolean raiseError, int retries) {

		static Request parse(ObjectValue o) {
			List<String> unknown = new ArrayList<>();
			for (Value key : o.keys()) {
				String k = (key instanceof StringValue s) ? s.value() : key.toString();
				if (UNSUPPORTED.contains(k)) {
					throw Functions.builtinError("request parameter " + k + " is not supported by this engine");
				}
				if (!SUPPORTED.contains(k)) {
					unknown.add("\"" + k + "\"");
				}
			}
			if (!unknown.isEmpty()) {
				throw Functions.typeError("invalid request parameters(s): {" + String.join(", ", unknown) + "}");
			}
			List<String> missing = new ArrayList<>();
			for (String required : List.of("method", "url")) {
				if (o.get(required) == null) {
					missing.add("\"" + required + "\"");
				}
			}
			if (!missing.isEmpty()) {
				throw Functions
					.typeError("missing required request parameters(s): {" + String.join(", ", missing) + "}");
			}
			String method = text(o, "method").toUpperCase(Locale.ROOT);
			URI uri = uri(text(o, "url"));
			Map<String, String> headers = new TreeMap<>();
			if (o.get("headers") instanceof ObjectValue h) {
				for (Value key : h.keys()) {
					if (key instanceof StringValue k && h.get(key) instanceof StringValue v) {
						headers.put(k.value(), v.value());
					}
					else {
						throw Functions.builtinError("invalid type for headers key " + key);
					}
				}
			}
			else if (o.get("headers") != null) {
				throw Functions.builtinError("invalid type for headers key");
			}
			String body = null;
			if (o.get("raw_body") != null) {
				body = text(o, "raw_body");
			}
			else if (o.get("body") != null) {
				body = Values.toJsonText(o.get("body"));
				headers.putIfAbsent("Content-Type", "application/json");
			}
			return new Request(method, uri, headers, body, flag(o, "enable_redirect", false),
					flag(o, "force_json_decode", false), flag(o, "force_yaml_decode", false), timeout(o.get("timeout")),
					flag(o, "raise_error", true), retries(o.get("max_retry_attempts")));
		}

		private static String text(ObjectValue o, String key) {
			if (o.get(key) instanceof StringValue s) {
				return s.value();
			}
			throw Functions.typeError("invalid type for " + key + " key");
		}

		private static boolean flag(ObjectValue o, String key, boolean otherwise) {
			Value v = o.get(key);
			if (v == null) {
				return otherwise;
			}
			if (v instanceof BoolValue b) {
				return b.value();
			}
			throw Functions.typeError("invalid type for " + key + " key");
		}

		private static URI uri(String url) {
			try {
				URI uri = new URI(url);
				String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
				if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
					throw Functions.builtinError("url " + url + " is not an http or https URL with a host");
				}
				return uri;
			}
			catch (URISyntaxException ex) {
				throw Functions.builtinError("invalid url " + url + ": " + ex.getReason());
			}
		}

		private static Duration timeout(Value v) {
			if (v == null) {
				return DEFAULT_TIMEOUT;
			}
			BigInteger ns;
			if (v instanceof NumberValue n && n.isInteger()) {
				ns = n.asBigInteger();
			}
			else if (v instanceof StringValue s) {
				ns = TimeBuiltins.duration(s.value());
			}
			else {
				throw Functions.builtinError("invalid timeout value " + v);
			}
			if (ns.signum() <= 0) {
				return DEFAULT_TIMEOUT;
			}
			return Duration.ofNanos(ns.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
		}

		private static int retries(Value v) {
			if (v == null) {
				return 0;
			}
			if (v instanceof NumberValue n && n.isInteger() && n.signum() >= 0) {
				return Math.min(n.asBigInteger().intValue(), 10);
			}
			throw Functions.builtinError("invalid type for max_retry_attempts key");
		}

	}

}
