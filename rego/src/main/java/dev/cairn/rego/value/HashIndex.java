package dev.cairn.rego.value;

/**
 * Finds a value's position in the key array of a set or an object by hash: an
 * open-addressing table of positions, with linear probing. Small collections skip the
 * table and scan their hashes, which is faster below a handful of entries.
 */
final class HashIndex {

	/** Up to this many entries, a scan of the hashes beats a table. */
	static final int SCAN_LIMIT = 8;

	private HashIndex() {
	}

	/**
	 * A table over the first {@code size} entries, or null when a scan will do.
	 * @param hashes the entries' hashes
	 * @param size how many entries there are
	 * @return the table, whose slots hold a position plus one, 0 when empty
	 */
	static int[] table(int[] hashes, int size) {
		if (size <= SCAN_LIMIT) {
			return null;
		}
		int[] slots = new int[capacityFor(size)];
		for (int i = 0; i < size; i++) {
			place(slots, hashes[i], i);
		}
		return slots;
	}

	/** A power of two at least twice {@code size}, keeping probes short. */
	static int capacityFor(int size) {
		int wanted = Math.max(16, size * 2);
		return Integer.highestOneBit(wanted - 1) << 1;
	}

	static void place(int[] slots, int hash, int position) {
		int mask = slots.length - 1;
		int i = spread(hash) & mask;
		while (slots[i] != 0) {
			i = (i + 1) & mask;
		}
		slots[i] = position + 1;
	}

	/** The position of {@code key}, or -1. */
	static int find(Value[] keys, int[] hashes, int size, int[] slots, Value key, int hash) {
		if (slots == null) {
			for (int i = 0; i < size; i++) {
				if (hashes[i] == hash && key.equals(keys[i])) {
					return i;
				}
			}
			return -1;
		}
		int mask = slots.length - 1;
		int i = spread(hash) & mask;
		int position;
		while ((position = slots[i]) != 0) {
			position--;
			if (hashes[position] == hash && key.equals(keys[position])) {
				return position;
			}
			i = (i + 1) & mask;
		}
		return -1;
	}

	/**
	 * The position of the string key {@code key}, or -1, without wrapping it: a
	 * {@link StringValue} hashes as its string.
	 */
	static int findString(Value[] keys, int[] hashes, int size, int[] slots, String key) {
		int hash = key.hashCode();
		if (slots == null) {
			for (int i = 0; i < size; i++) {
				if (hashes[i] == hash && keys[i] instanceof StringValue string && string.value().equals(key)) {
					return i;
				}
			}
			return -1;
		}
		int mask = slots.length - 1;
		int i = spread(hash) & mask;
		int position;
		while ((position = slots[i]) != 0) {
			position--;
			if (hashes[position] == hash && keys[position] instanceof StringValue string
					&& string.value().equals(key)) {
				return position;
			}
			i = (i + 1) & mask;
		}
		return -1;
	}

	private static int spread(int hash) {
		// Fibonacci hashing: String and Long hashes cluster in their low bits.
		int h = hash * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
