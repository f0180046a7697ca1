package dev.cairn.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic numbers and names from words: everything the sandbox makes up (versions,
 * commits, pod names, noise) is a function of a seed taken from the service, the
 * environment and what is being made, so the same world comes back on every start.
 */
final class Seed {

	/** The characters Kubernetes uses in generated names (no vowels, no look-alikes). */
	private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

	private static final String HEX = "0123456789abcdef";

	private Seed() {
	}

	/** A seed from words and numbers: FNV-1a over each one's text, mixed in turn. */
	static long of(Object... parts) {
		long state = 0x2545f4914f6cdd1dL;
		for (Object part : parts) {
			long hash = 0xcbf29ce484222325L;
			for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
				hash ^= b;
				hash *= 0x100000001b3L;
			}
			state = mix(state ^ mix(hash));
		}
		return state;
	}

	/** SplitMix64's finalizer: spreads every input bit over the output. */
	static long mix(long value) {
		long z = value + 0x9e3779b97f4a7c15L;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A number in [0, 1). */
	static double unit(long seed) {
		return (mix(seed) >>> 11) * 0x1.0p-53;
	}

	/** A number in [low, high], both included. */
	static int between(long seed, int low, int high) {
		return low + (int) Math.floorMod(mix(seed), (long) (high - low + 1));
	}

	static <T> T pick(long seed, List<T> choices) {
		return choices.get(between(seed, 0, choices.size() - 1));
	}

	/** Lower-case hex of the given length, as a git commit id is written. */
	static String hex(long seed, int length) {
		StringBuilder out = new StringBuilder(length);
		long state = seed;
		while (out.length() < length) {
			state = mix(state);
			long bits = state;
			for (int i = 0; i < 16 && out.length() < length; i++) {
				out.append(HEX.charAt((int) (bits & 0xf)));
				bits >>>= 4;
			}
		}
		return out.toString();
	}

	/** A generated-name suffix as Kubernetes writes them (pod names, template hashes). */
	static String kubeName(long seed, int length) {
		StringBuilder out = new StringBuilder(length);
		long state = seed;
		for (int i = 0; i < length; i++) {
			state = mix(state + i);
			out.append(NAME_ALPHABET.charAt((int) Math.floorMod(state, (long) NAME_ALPHABET.length())));
		}
		return out.toString();
	}

	/** A UUID-shaped object id. */
	static String uid(long seed) {
		String hex = hex(seed, 32);
		return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
				+ hex.substring(17, 20) + "-" + hex.substring(20, 32);
	}

}
