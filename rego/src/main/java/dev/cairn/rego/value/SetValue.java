package dev.cairn.rego.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable Rego set. Its elements are kept in OPA's sort order, which is the order of
 * iteration, printing and comparison (sets order as their sorted elements do, element by
 * element, then smaller first); membership is a hash lookup.
 */
public final class SetValue implements Value, Iterable<Value> {

	/** The empty set. */
	public static final SetValue EMPTY = new SetValue(new Value[0], new int[0]);

	/** Sorted, without duplicates. */
	private final Value[] elements;

	private final int[] hashes;

	private final int[] slots;

	/** Cached hash; 0 until computed. */
	private int hash;

	/** Takes ownership of sorted, distinct {@code elements} and their hashes. */
	SetValue(Value[] elements, int[] hashes) {
		this.elements = elements;
		this.hashes = hashes;
		this.slots = HashIndex.table(hashes, elements.length);
	}

	/** The set of {@code elements}, duplicates dropped. */
	public static SetValue of(Value... elements) {
		Builder builder = new Builder(elements.length);
		for (Value element : elements) {
			builder.add(element);
		}
		return builder.build();
	}

	/** The set of {@code elements}, duplicates dropped. */
	public static SetValue of(Collection<? extends Value> elements) {
		Builder builder = new Builder(elements.size());
		for (Value element : elements) {
			builder.add(element);
		}
		return builder.build();
	}

	/** A builder for a set of up to about {@code expectedSize} elements. */
	public static Builder builder(int expectedSize) {
		return new Builder(expectedSize);
	}

	/** A builder for a set. */
	public static Builder builder() {
		return new Builder(8);
	}

	@Override
	public Kind kind() {
		return Kind.SET;
	}

	/** The number of elements. */
	public int size() {
		return this.elements.length;
	}

	/** Whether this set has no elements. */
	public boolean isEmpty() {
		return this.elements.length == 0;
	}

	/** Whether {@code element} is in this set. */
	public boolean contains(Value element) {
		return HashIndex.find(this.elements, this.hashes, this.elements.length, this.slots, element,
				element.hashCode()) >= 0;
	}

	/**
	 * The element at {@code index} in sorted order.
	 * @throws IndexOutOfBoundsException if there is none
	 */
	public Value get(int index) {
		return this.elements[index];
	}

	/** The elements in sorted order, as an unmodifiable list view. */
	public List<Value> elements() {
		return Collections.unmodifiableList(Arrays.asList(this.elements));
	}

	@Override
	public Iterator<Value> iterator() {
		return elements().iterator();
	}

	/** The elements in sorted order, as an array. */
	public ArrayValue toArray() {
		return ArrayValue.ofOwned(this.elements);
	}

	/** This set with {@code element} added. */
	public SetValue add(Value element) {
		int hash = element.hashCode();
		if (HashIndex.find(this.elements, this.hashes, this.elements.length, this.slots, element, hash) >= 0) {
			return this;
		}
		int at = -Arrays.binarySearch(this.elements, element) - 1;
		int n = this.elements.length;
		Value[] elements = new Value[n + 1];
		int[] hashes = new int[n + 1];
		System.arraycopy(this.elements, 0, elements, 0, at);
		System.arraycopy(this.hashes, 0, hashes, 0, at);
		elements[at] = element;
		hashes[at] = hash;
		System.arraycopy(this.elements, at, elements, at + 1, n - at);
		System.arraycopy(this.hashes, at, hashes, at + 1, n - at);
		return new SetValue(elements, hashes);
	}

	/** The elements in this set or in {@code other}. */
	public SetValue union(SetValue other) {
		if (other.isEmpty() || other == this) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		Value[] a = this.elements;
		Value[] b = other.elements;
		Value[] merged = new Value[a.length + b.length];
		int[] hashes = new int[merged.length];
		int i = 0;
		int j = 0;
		int k = 0;
		while (i < a.length && j < b.length) {
			int c = a[i].compareTo(b[j]);
			if (c <= 0) {
				merged[k] = a[i];
				hashes[k++] = this.hashes[i++];
				j += (c == 0) ? 1 : 0;
			}
			else {
				merged[k] = b[j];
				hashes[k++] = other.hashes[j++];
			}
		}
		for (; i < a.length; i++, k++) {
			merged[k] = a[i];
			hashes[k] = this.hashes[i];
		}
		for (; j < b.length; j++, k++) {
			merged[k] = b[j];
			hashes[k] = other.hashes[j];
		}
		if (k == a.length) {
			return this;
		}
		if (k == b.length) {
			return other;
		}
		return new SetValue(Arrays.copyOf(merged, k), Arrays.copyOf(hashes, k));
	}

	/** The elements in both this set and {@code other}. */
	public SetValue intersect(SetValue other) {
		return (size() <= other.size()) ? filter(other, true) : other.filter(this, true);
	}

	/** The elements in this set that are not in {@code other}. */
	public SetValue difference(SetValue other) {
		return other.isEmpty() ? this : filter(other, false);
	}

	private SetValue filter(SetValue other, boolean keepCommon) {
		Value[] kept = new Value[this.elements.length];
		int[] hashes = new int[kept.length];
		int k = 0;
		for (int i = 0; i < this.elements.length; i++) {
			boolean common = HashIndex.find(other.elements, other.hashes, other.elements.length, other.slots,
					this.elements[i], this.hashes[i]) >= 0;
			if (common == keepCommon) {
				kept[k] = this.elements[i];
				hashes[k++] = this.hashes[i];
			}
		}
		if (k == this.elements.length) {
			return this;
		}
		return (k == 0) ? EMPTY : new SetValue(Arrays.copyOf(kept, k), Arrays.copyOf(hashes, k));
	}

	@Override
	public int compareTo(Value other) {
		if (other instanceof SetValue set) {
			return ArrayValue.compareSequences(this.elements, this.elements.length, set.elements, set.elements.length);
		}
		return Kind.SET.compareTo(other.kind());
	}

	@Override
	public boolean equals(Object other) {
		if (other == this) {
			return true;
		}
		if (!(other instanceof SetValue set) || set.elements.length != this.elements.length) {
			return false;
		}
		if (this.hash != 0 && set.hash != 0 && this.hash != set.hash) {
			return false;
		}
		// Both are in the one canonical order, so equal sets are equal element by
		// element.
		return Arrays.equals(this.elements, set.elements);
	}

	@Override
	public int hashCode() {
		int h = this.hash;
		if (h == 0) {
			h = Arrays.hashCode(this.hashes) * 31 + 7;
			h = (h != 0) ? h : 1;
			this.hash = h;
		}
		return h;
	}

	@Override
	public String toString() {
		return RegoPrinter.print(this);
	}

	Value[] elementArray() {
		return this.elements;
	}

	int[] hashArray() {
		return this.hashes;
	}

	/**
	 * Collects the elements of a new set, dropping duplicates. A builder makes one set:
	 * after {@link #build()} it may not be used again.
	 */
	public static final class Builder {

		private Value[] elements;

		private int[] hashes;

		private int[] slots;

		private int size;

		private Builder(int expectedSize) {
			int capacity = Math.max(expectedSize, 4);
			this.elements = new Value[capacity];
			this.hashes = new int[capacity];
			this.slots = new int[HashIndex.capacityFor(capacity)];
		}

		/**
		 * Adds {@code element} unless it is already in.
		 * @return whether it was added
		 */
		public boolean add(Value element) {
			Objects.requireNonNull(element, "element");
			checkNotBuilt();
			int hash = element.hashCode();
			if (HashIndex.find(this.elements, this.hashes, this.size, this.slots, element, hash) >= 0) {
				return false;
			}
			if (this.size == this.elements.length) {
				this.elements = Arrays.copyOf(this.elements, this.size * 2);
				this.hashes = Arrays.copyOf(this.hashes, this.size * 2);
			}
			if ((this.size + 1) * 2 > this.slots.length) {
				this.slots = new int[this.slots.length * 2];
				for (int i = 0; i < this.size; i++) {
					HashIndex.place(this.slots, this.hashes[i], i);
				}
			}
			this.elements[this.size] = element;
			this.hashes[this.size] = hash;
			HashIndex.place(this.slots, hash, this.size);
			this.size++;
			return true;
		}

		/** Adds every element of {@code elements}. */
		public Builder addAll(Iterable<? extends Value> elements) {
			for (Value element : elements) {
				add(element);
			}
			return this;
		}

		/** Whether {@code element} has been added. */
		public boolean contains(Value element) {
			checkNotBuilt();
			return HashIndex.find(this.elements, this.hashes, this.size, this.slots, element, element.hashCode()) >= 0;
		}

		/** The number of distinct elements added so far. */
		public int size() {
			return this.size;
		}

		/** The set of the elements added. */
		public SetValue build() {
			checkNotBuilt();
			Value[] sorted = Arrays.copyOf(this.elements, this.size);
			int[] hashes;
			if (isSorted(sorted)) {
				hashes = Arrays.copyOf(this.hashes, this.size);
			}
			else {
				Arrays.sort(sorted);
				hashes = new int[this.size];
				for (int i = 0; i < this.size; i++) {
					hashes[i] = sorted[i].hashCode();
				}
			}
			this.elements = null;
			return (sorted.length == 0) ? EMPTY : new SetValue(sorted, hashes);
		}

		private void checkNotBuilt() {
			if (this.elements == null) {
				throw new IllegalStateException("set already built");
			}
		}

	}

	static boolean isSorted(Value[] values) {
		for (int i = 1; i < values.length; i++) {
			if (values[i - 1].compareTo(values[i]) > 0) {
				return false;
			}
		}
		return true;
	}

}
