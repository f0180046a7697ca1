package dev.cairn.rego.internal.eval;

import java.util.HashMap;
import java.util.Map;

import dev.cairn.rego.Location;
import dev.cairn.rego.NetworkAccess;
import dev.cairn.rego.PrintHook;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;

/**
 * What the embedding application grants one evaluation: which hosts the network builtins
 * may reach, what {@code opa.runtime()} returns and where {@code print} writes; plus the
 * per-evaluation memory of network answers, so that the same request sent twice in one
 * evaluation is sent once, as in OPA.
 */
public final class Host {

	private final NetworkAccess network;

	private final Value runtime;

	private final PrintHook printHook;

	final Map<Value, Value> httpResponses = new HashMap<>();

	public Host(NetworkAccess network, Value runtime, PrintHook printHook) {
		this.network = network;
		this.runtime = runtime;
		this.printHook = printHook;
	}

	/** No network, an empty runtime document, print output discarded. */
	public static Host isolated() {
		return new Host(NetworkAccess.NONE, ObjectValue.EMPTY, PrintHook.DISCARD);
	}

	/** The same grants, printing to {@code hook}. */
	public Host printingTo(PrintHook hook) {
		return new Host(this.network, this.runtime, hook);
	}

	void print(Location location, String message) {
		this.printHook.print(location, message);
	}

	/**
	 * Fails with {@code unallowed host} unless the embedding application grants
	 * {@code host} ({@code port} -1 when unknown).
	 */
	void requireAllowed(String host, int port) {
		if (!this.network.allows(host, port)) {
			throw Functions.builtinError("unallowed host: " + host
					+ " (network access is off for this policy; the embedding application allows hosts with Rego.Builder.network)");
		}
	}

	Value runtime() {
		return this.runtime;
	}

}
