package dev.cairn.rego.internal.eval;

import java.util.HashMap;
import java.util.Map;

import dev.cairn.rego.NetworkAccess;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;

/**
 * What the embedding application grants one evaluation: which hosts the network builtins
 * may reach and what {@code opa.runtime()} returns; plus the per-evaluation memory of
 * network answers, so that the same request sent twice in one evaluation is sent once, as
 * in OPA.
 */
public final class Host {

	private final NetworkAccess network;

	private final Value runtime;

	final Map<Value, Value> httpResponses = new HashMap<>();

	public Host(NetworkAccess network, Value runtime) {
		this.network = network;
		this.runtime = runtime;
	}

	/** No network, an empty runtime document. */
	public static Host isolated() {
		return new Host(NetworkAccess.NONE, ObjectValue.EMPTY);
	}

	NetworkAccess network() {
		return this.network;
	}

	Value runtime() {
		return this.runtime;
	}

}
