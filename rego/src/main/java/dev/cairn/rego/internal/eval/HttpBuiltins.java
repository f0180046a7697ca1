package dev.cairn.rego.internal.eval;

import java.util.Set;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code http.send}, as far as this engine goes: the request object is checked as OPA
 * checks it, then the call fails as an unreachable network would make it fail (an error,
 * or with {@code raise_error: false} a response with status 0 and the error). Evaluation
 * never reaches the network, so a policy cannot make a decision wait on, or leak data to,
 * another service.
 */
final class HttpBuiltins {

	private static final Set<String> ALLOWED = Set.of("method", "url", "body", "enable_redirect", "force_json_decode",
			"force_yaml_decode", "headers", "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file",
			"tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
			"tls_client_key", "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify",
			"tls_server_name", "timeout", "cache", "force_cache", "force_cache_duration_seconds", "raise_error",
			"caching_mode", "max_retry_attempts", "cache_ignored_headers");

	private static final SetValue REQUIRED = SetValue.of(StringValue.of("method"), StringValue.of("url"));

	private HttpBuiltins() {
	}

	static void registerAll() {
		Functions.register("http.send", 1, (a) -> {
			ObjectValue request = StringBuiltins.object(a[0], 1);
			Value raise = request.get("raise_error");
			if (raise != null && !(raise instanceof BoolValue)) {
				throw Functions.builtinError("invalid value for \"raise_error\" field");
			}
			if (BoolValue.FALSE.equals(raise)) {
				try {
					return send(request);
				}
				catch (RegoException ex) {
					String code = (ex.code() == ErrorCode.EVAL_BUILTIN_ERROR) ? "eval_http_send_network_error"
							: "eval_http_send_internal_error";
					ObjectValue error = ObjectValue.builder()
						.put("code", StringValue.of(code))
						.put("message", StringValue.of(ex.detail()))
						.build();
					return ObjectValue.builder().put("status_code", NumberValue.ZERO).put("error", error).build();
				}
			}
			return send(request);
		});
	}

	/** Checks the request, then fails: no request is ever sent. */
	private static Value send(ObjectValue request) {
		SetValue.Builder invalid = SetValue.builder();
		for (Value key : request.keys()) {
			if (!(key instanceof StringValue s) || !ALLOWED.contains(s.value())) {
				invalid.add(key);
			}
		}
		if (invalid.size() > 0) {
			throw Functions.typeError("operand 1 invalid request parameters(s): " + invalid.build());
		}
		SetValue missing = REQUIRED.difference(request.keySet());
		if (!missing.isEmpty()) {
			throw Functions.typeError("operand 1 missing required request parameters(s): " + missing);
		}
		throw Functions.builtinError("network requests are not supported by this engine");
	}

}
