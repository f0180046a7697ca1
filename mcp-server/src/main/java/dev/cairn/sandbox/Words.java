package dev.cairn.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words a service's code and logs use, made up from its name: {@code payment-api}
 * handles payments at {@code /api/payments}, in package {@code com.acme.payment}, with a
 * {@code Payment} type and a {@code payments} table ({@code auth-service} deals in
 * tokens).
 *
 * @param noun the first word of the name, {@code payment}
 * @param plural {@code payments}
 * @param type the type name, {@code Payment}
 */
record Words(String noun, String plural, String type) {

	/** What services named by a word that is no thing deal in instead. */
	private static final Map<String, String> THINGS = Map.of("auth", "token", "api", "route", "legacy", "invoice",
			"risk", "rule", "fraud", "score", "design", "component", "shipping", "shipment", "pricing", "price",
			"search", "query", "metrics", "series");

	static Words of(String service) {
		String noun = service.split("-")[0].toLowerCase(Locale.ROOT);
		noun = THINGS.getOrDefault(noun, noun.isEmpty() ? "item" : noun);
		return new Words(noun, plural(noun), Character.toUpperCase(noun.charAt(0)) + noun.substring(1));
	}

	static String plural(String noun) {
		if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) {
			return noun + "es";
		}
		if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
			return noun.substring(0, noun.length() - 1) + "ies";
		}
		return noun + "s";
	}

	/** {@code payment-api} as an environment variable's stem: {@code PAYMENT_API}. */
	static String constant(String name) {
		return name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
	}

	/** {@code payment-api} as a bean or field name: {@code paymentApi}. */
	static String camel(String name) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-' || c == '_' || c == '.') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	String collectionPath() {
		return "/api/" + this.plural;
	}

	String itemPath(long seed) {
		return collectionPath() + "/" + this.noun.charAt(0) + "-" + Seed.kubeName(seed, 6);
	}

	/** A request the service serves, picked by the seed: reads far more than writes. */
	Request request(long seed) {
		int pick = Seed.between(seed, 0, 99);
		if (pick < 55) {
			return new Request("GET", itemPath(seed), 200);
		}
		if (pick < 80) {
			return new Request("GET", collectionPath() + "?page=" + Seed.between(seed + 1, 1, 9), 200);
		}
		if (pick < 93) {
			return new Request("POST", collectionPath(), 201);
		}
		return new Request("PUT", itemPath(seed), 200);
	}

	/** The request the failing code path of a regression serves. */
	Request failingRequest() {
		return new Request("POST", collectionPath(), 500);
	}

	/** The table the service's migrations change. */
	String table() {
		return this.plural;
	}

	/** Columns a migration might add. */
	static final List<String> COLUMNS = List.of("currency", "external_ref", "region_code", "archived_at", "tax_code",
			"channel");

	/**
	 * One request line's essentials.
	 *
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param status the status served when all is well
	 */
	record Request(String method, String path, int status) {

	}

}
