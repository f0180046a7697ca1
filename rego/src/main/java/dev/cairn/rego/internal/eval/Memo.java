package dev.cairn.rego.internal.eval;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What evaluation works out once per prepared query and reuses in every later evaluation:
 * the order of a body, what a name or a call resolves to. Keyed by the identity of the
 * policy's own nodes (never of nodes made during an evaluation, which would make it grow
 * without bound).
 * <p>
 * Safe for concurrent evaluations: reads take no lock and see an immutable map; a miss
 * computes under a lock and publishes a copy. Misses stop once every node of the hot path
 * has been seen, so the copying costs only the first evaluations.
 */
public final class Memo {

	private static final Object NULL = new Object();

	private volatile Map<Object, Object> entries = new IdentityHashMap<>();

	/**
	 * The value kept for {@code key}, or {@code null} when there is none (or it is
	 * {@code null}). Lets callers skip making a {@code compute} function on the hot path.
	 */
	@SuppressWarnings("unchecked")
	public <V> V get(Object key) {
		Object value = this.entries.get(key);
		return (value != NULL) ? (V) value : null;
	}

	/**
	 * The value for {@code key}, computed and kept on first use ({@code compute} may
	 * return {@code null}, which is kept too).
	 */
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key, Function<? super K, ? extends V> compute) {
		Object value = this.entries.get(key);
		if (value == null) {
			synchronized (this) {
				value = this.entries.get(key);
				if (value == null) {
					V computed = compute.apply(key);
					value = (computed != null) ? computed : NULL;
					put(key, value);
				}
			}
		}
		return (value != NULL) ? (V) value : null;
	}

	/** Keeps {@code value} for {@code key} unless there is one already. */
	public synchronized void putIfAbsent(Object key, Object value) {
		if (!this.entries.containsKey(key)) {
			put(key, (value != null) ? value : NULL);
		}
	}

	private void put(Object key, Object value) {
		// Read the map again: compute may have published entries of its own.
		Map<Object, Object> copy = new IdentityHashMap<>(this.entries);
		copy.put(key, value);
		this.entries = copy;
	}

}
