package dev.cairn.rego.internal.eval;

import java.nio.charset.StandardCharsets;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static dev.cairn.rego.internal.eval.Functions.string;

/** URL query encoding, as Go's {@code net/url} does it. */
final class UrlBuiltins {

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

	private UrlBuiltins() {
	}

	static void registerAll() {
		Functions.register("urlquery.encode", 1, (a) -> StringValue.of(encode(string(a[0], 1))));
		Functions.register("urlquery.decode", 1, (a) -> {
			try {
				return StringValue.of(java.net.URLDecoder.decode(string(a[0], 1), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw Functions.builtinError(ex.getMessage());
			}
		});
		Functions.register("urlquery.decode_object", 1, (a) -> {
			java.util.Map<String, java.util.List<Value>> params = new java.util.TreeMap<>();
			for (String pair : string(a[0], 1).split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String key = (eq < 0) ? pair : pair.substring(0, eq);
				String value = (eq < 0) ? "" : pair.substring(eq + 1);
				try {
					params
						.computeIfAbsent(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
								(k) -> new java.util.ArrayList<>())
						.add(StringValue.of(java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)));
				}
				catch (IllegalArgumentException ex) {
					throw Functions.builtinError(ex.getMessage());
				}
			}
			ObjectValue.Builder out = ObjectValue.builder();
			params.forEach((k, v) -> out.put(k, ArrayValue.of(v)));
			return out.build();
		});
		Functions.register("urlquery.encode_object", 1, (a) -> {
			ObjectValue o = StringBuiltins.object(a[0], 1);
			StringBuilder sb = new StringBuilder();
			// Sorted by key, as Go's url.Values.Encode writes them.
			for (int i = 0; i < o.size(); i++) {
				String key = encode(string(o.key(i), 1));
				Value v = o.value(i);
				Iterable<Value> values = (v instanceof StringValue) ? java.util.List.of(v)
						: Functions.elements(v, 1, "urlquery.encode_object");
				for (Value one : values) {
					sb.append((sb.length() > 0) ? "&" : "").append(key).append('=').append(encode(string(one, 1)));
				}
			}
			return StringValue.of(sb.toString());
		});
	}

	/**
	 * Go's {@code url.QueryEscape}: unreserved characters stay, spaces become {@code +}.
	 */
	static String encode(String s) {
		StringBuilder sb = new StringBuilder();
		for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
				sb.append(c);
			}
			else if (c == ' ') {
				sb.append('+');
			}
			else {
				sb.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return sb.toString();
	}

}
