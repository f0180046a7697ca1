package dev.cairn.rego.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable Rego object, whose keys may be any value. Its entries are kept in OPA's
 * sort order of their keys, the order of iteration, printing and comparison; lookup is by
 * hash. Objects compare as OPA compares them: entry by entry in key order, key first,
 * then value, then the smaller object first.
 */
public final class ObjectValue implements Value {

	/** The empty object. */
	public static final ObjectValue EMPTY = new ObjectValue(new Value[0], new Value[0], new int[0]);

	/** Sorted, without duplicates. */
	private final Value[] keys;

	/** Aligned with {@link #keys}. */
	private final Value[] values;

	private final int[] hashes;

	private final int[] slots;

	/** Cached hash; 0 until computed. */
	private int hash;

	/**
	 * Takes ownership of sorted, distinct {@code keys}, their values and their hashes.
	 */
	ObjectValue(Value[] keys, Value[] values, int[] hashes) {
		this.keys = keys;
		this.values = values;
		this.hashes = hashes;
		this.slots = HashIndex.table(hashes, keys.length);
	}

	/** The object of the entries of {@code entries}. */
	public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
		Builder builder = new Builder(entries.size());
		entries.forEach(builder::put);
		return builder.build();
	}

	/** The object with the single entry {@code key: value}. */
	public static ObjectValue of(Value key, Value value) {
		return new Builder(1).put(key, value).build();
	}

	/** A builder for an object of up to about {@code expectedSize} entries. */
	public static Builder builder(int expectedSize) {
		return new Builder(expectedSize);
	}

	/** A builder for an object. */
	public static Builder builder() {
		return new Builder(8);
	}

	@Override
	public Kind kind() {
		return Kind.OBJECT;
	}

	/** The number of entries. */
	public int size() {
		return this.keys.length;
	}

	/** Whether this object has no entries. */
	public boolean isEmpty() {
		return this.keys.length == 0;
	}

	/** The value at {@code key}, or null if there is none. */
	public Value get(Value key) {
		int i = HashIndex.find(this.keys, this.hashes, this.keys.length, this.slots, key, key.hashCode());
		return (i >= 0) ? this.values[i] : null;
	}

	/** The value at the string key {@code key}, or null if there is none. */
	public Value get(String key) {
		int i = HashIndex.findString(this.keys, this.hashes, this.keys.length, this.slots, key);
		return (i >= 0) ? this.values[i] : null;
	}

	/** Whether this object has an entry for {@code key}. */
	public boolean containsKey(Value key) {
		return get(key) != null;
	}

	/**
	 * The key of the entry at {@code index} in key order.
	 * @throws IndexOutOfBoundsException if there is none
	 */
	public Value key(int index) {
		return this.keys[index];
	}

	/**
	 * The value of the entry at {@code index} in key order.
	 * @throws IndexOutOfBoundsException if there is none
	 */
	public Value value(int index) {
		return this.values[index];
	}

	/** The keys in sorted order, as an unmodifiable list view. */
	public List<Value> keys() {
		return Collections.unmodifiableList(Arrays.asList(this.keys));
	}

	/** The values in the order of their keys, as an unmodifiable list view. */
	public List<Value> values() {
		return Collections.unmodifiableList(Arrays.asList(this.values));
	}

	/** The keys as a set. */
	public SetValue keySet() {
		return this.keys.length == 0 ? SetValue.EMPTY : new SetValue(this.keys, this.hashes);
	}

	/** Calls {@code action} with each key and its value, in key order. */
	public void forEach(BiConsumer<? super Value, ? super Value> action) {
		for (int i = 0; i < this.keys.length; i++) {
			action.accept(this.keys[i], this.values[i]);
		}
	}

	/** This object with {@code key} set to {@code value}. */
	public ObjectValue put(Value key, Value value) {
		Objects.requireNonNull(value, "value");
		int hash = key.hashCode();
		int i = HashIndex.find(this.keys, this.hashes, this.keys.length, this.slots, key, hash);
		if (i >= 0) {
			if (this.values[i].equals(value)) {
				return this;
			}
			Value[] values = this.values.clone();
			values[i] = value;
			return new ObjectValue(this.keys, values, this.hashes);
		}
		int at = -Arrays.binarySearch(this.keys, key) - 1;
		int n = this.keys.length;
		Value[] keys = new Value[n + 1];
		Value[] values = new Value[n + 1];
		int[] hashes = new int[n + 1];
		System.arraycopy(this.keys, 0, keys, 0, at);
		System.arraycopy(this.values, 0, values, 0, at);
		System.arraycopy(this.hashes, 0, hashes, 0, at);
		keys[at] = key;
		values[at] = value;
		hashes[at] = hash;
		System.arraycopy(this.keys, at, keys, at + 1, n - at);
		System.arraycopy(this.values, at, values, at + 1, n - at);
		System.arraycopy(this.hashes, at, hashes, at + 1, n - at);
		return new ObjectValue(keys, values, hashes);
	}

	/** This object without an entry for {@code key}. */
	public ObjectValue remove(Value key) {
		int i = HashIndex.find(this.keys, this.hashes, this.keys.length, this.slots, key, key.hashCode());
		if (i < 0) {
			return this;
		}
		if (this.keys.length == 1) {
			return EMPTY;
		}
		return new ObjectValue(without(this.keys, i), without(this.values, i), without(this.hashes, i));
	}

	private static Value[] without(Value[] array, int i) {
		Value[] copy = new Value[array.length - 1];
		System.arraycopy(array, 0, copy, 0, i);
		System.arraycopy(array, i + 1, copy, i, copy.length - i);
		return copy;
	}

	private static int[] without(int[] array, int i) {
		int[] copy = new int[array.length - 1];
		System.arraycopy(array, 0, copy, 0, i);
		System.arraycopy(array, i + 1, copy, i, copy.length - i);
		return copy;
	}

	@Override
	public int compareTo(Value other) {
		if (!(other instanceof ObjectValue object)) {
			return Kind.OBJECT.compareTo(other.kind());
		}
		int n = Math.min(this.keys.length, object.keys.length);
		for (int i = 0; i < n; i++) {
			int c = this.keys[i].compareTo(object.keys[i]);
			if (c != 0) {
				return c;
			}
			c = this.values[i].compareTo(object.values[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(this.keys.length, object.keys.length);
	}

	@Override
	public boolean equals(Object other) {
		if (other == this) {
			return true;
		}
		if (!(other instanceof ObjectValue object) || object.keys.length != this.keys.length) {
			return false;
		}
		if (this.hash != 0 && object.hash != 0 && this.hash != object.hash) {
			return false;
		}
		// Both are in the one canonical key order, so equal objects match entry by entry.
		return Arrays.equals(this.keys, object.keys) && Arrays.equals(this.values, object.values);
	}

	@Override
	public int hashCode() {
		int h = this.hash;
		if (h == 0) {
			h = 17;
			for (int i = 0; i < this.keys.length; i++) {
				h = h * 31 + (this.hashes[i] ^ this.values[i].hashCode());
			}
			h = (h != 0) ? h : 1;
			this.hash = h;
		}
		return h;
	}

	@Override
	public String toString() {
		return RegoPrinter.print(this);
	}

	/**
	 * Collects the entries of a new object; a later entry for an equal key replaces the
	 * earlier one, as in JSON. A builder makes one object: after {@link #build()} it may
	 * not be used again.
	 */
	public static final class Builder {

		private Value[] keys;

		private Value[] values;

		private int[] hashes;

		private int[] slots;

		private int size;

		private Builder(int expectedSize) {
			int capacity = Math.max(expectedSize, 4);
			this.keys = new Value[capacity];
			this.values = new Value[capacity];
			this.hashes = new int[capacity];
			this.slots = new int[HashIndex.capacityFor(capacity)];
		}

		/** Sets {@code key} to {@code value}, replacing any earlier value. */
		public Builder put(Value key, Value value) {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
			checkNotBuilt();
			int hash = key.hashCode();
			int i = HashIndex.find(this.keys, this.hashes, this.size, this.slots, key, hash);
			if (i >= 0) {
				this.values[i] = value;
				return this;
			}
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
				this.values = Arrays.copyOf(this.values, this.size * 2);
				this.hashes = Arrays.copyOf(this.hashes, this.size * 2);
			}
			if ((this.size + 1) * 2 > this.slots.length) {
				this.slots = new int[this.slots.length * 2];
				for (int j = 0; j < this.size; j++) {
					HashIndex.place(this.slots, this.hashes[j], j);
				}
			}
			this.keys[this.size] = key;
			this.values[this.size] = value;
			this.hashes[this.size] = hash;
			HashIndex.place(this.slots, hash, this.size);
			this.size++;
			return this;
		}

		/** Sets the string key {@code key} to {@code value}. */
		public Builder put(String key, Value value) {
			return put(StringValue.of(key), value);
		}

		/** The value put for {@code key}, or null. */
		public Value get(Value key) {
			checkNotBuilt();
			int i = HashIndex.find(this.keys, this.hashes, this.size, this.slots, key, key.hashCode());
			return (i >= 0) ? this.values[i] : null;
		}

		/** The number of distinct keys put so far. */
		public int size() {
			return this.size;
		}

		/** The object of the entries put. */
		public ObjectValue build() {
			checkNotBuilt();
			int n = this.size;
			Value[] sortedKeys = Arrays.copyOf(this.keys, n);
			Value[] sortedValues;
			int[] sortedHashes;
			if (SetValue.isSorted(sortedKeys)) {
				sortedValues = Arrays.copyOf(this.values, n);
				sortedHashes = Arrays.copyOf(this.hashes, n);
			}
			else {
				Arrays.sort(sortedKeys);
				sortedValues = new Value[n];
				sortedHashes = new int[n];
				for (int i = 0; i < n; i++) {
					int hash = sortedKeys[i].hashCode();
					int from = HashIndex.find(this.keys, this.hashes, n, this.slots, sortedKeys[i], hash);
					sortedValues[i] = this.values[from];
					sortedHashes[i] = hash;
				}
			}
			this.keys = null;
			return (n == 0) ? EMPTY : new ObjectValue(sortedKeys, sortedValues, sortedHashes);
		}

		private void checkNotBuilt() {
			if (this.keys == null) {
				throw new IllegalStateException("object already built");
			}
		}

	}

}
