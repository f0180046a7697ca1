package dev.cairn.rego.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable Rego array. Arrays order element by element, then shorter first, as OPA
 * orders them.
 */
public final class ArrayValue implements Value, Iterable<Value> {

	/** The empty array. */
	public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

	private final Value[] elements;

	/** Cached hash; 0 until computed. */
	private int hash;

	/** Takes ownership of {@code elements}, which nobody may change afterwards. */
	ArrayValue(Value[] elements) {
		this.elements = elements;
	}

	/** An array of {@code elements}, in order. */
	public static ArrayValue of(Value... elements) {
		return ofOwned(checked(elements.clone()));
	}

	/** An array of {@code elements}, in order. */
	public static ArrayValue of(List<? extends Value> elements) {
		return ofOwned(checked(elements.toArray(new Value[0])));
	}

	static ArrayValue ofOwned(Value[] elements) {
		return (elements.length == 0) ? EMPTY : new ArrayValue(elements);
	}

	private static Value[] checked(Value[] elements) {
		for (Value element : elements) {
			Objects.requireNonNull(element, "element");
		}
		return elements;
	}

	/** A builder for an array of up to about {@code expectedSize} elements. */
	public static Builder builder(int expectedSize) {
		return new Builder(expectedSize);
	}

	/** A builder for an array. */
	public static Builder builder() {
		return new Builder(8);
	}

	@Override
	public Kind kind() {
		return Kind.ARRAY;
	}

	/** The number of elements. */
	public int size() {
		return this.elements.length;
	}

	/** Whether this array has no elements. */
	public boolean isEmpty() {
		return this.elements.length == 0;
	}

	/**
	 * The element at {@code index}.
	 * @throws IndexOutOfBoundsException if there is none
	 */
	public Value get(int index) {
		return this.elements[index];
	}

	/** The elements, as an unmodifiable list view. */
	public List<Value> elements() {
		return Collections.unmodifiableList(Arrays.asList(this.elements));
	}

	@Override
	public Iterator<Value> iterator() {
		return elements().iterator();
	}

	/**
	 * The elements from {@code from} (inclusive) to {@code to} (exclusive).
	 * @throws IndexOutOfBoundsException if the range is not within this array
	 */
	public ArrayValue slice(int from, int to) {
		Objects.checkFromToIndex(from, to, this.elements.length);
		if (from == 0 && to == this.elements.length) {
			return this;
		}
		return ofOwned(Arrays.copyOfRange(this.elements, from, to));
	}

	/** This array with {@code element} added at the end. */
	public ArrayValue append(Value element) {
		Objects.requireNonNull(element, "element");
		Value[] copy = Arrays.copyOf(this.elements, this.elements.length + 1);
		copy[this.elements.length] = element;
		return new ArrayValue(copy);
	}

	/** This array followed by the elements of {@code other}. */
	public ArrayValue concat(ArrayValue other) {
		if (other.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		Value[] copy = Arrays.copyOf(this.elements, this.elements.length + other.elements.length);
		System.arraycopy(other.elements, 0, copy, this.elements.length, other.elements.length);
		return new ArrayValue(copy);
	}

	@Override
	public int compareTo(Value other) {
		if (other instanceof ArrayValue array) {
			return compareSequences(this.elements, this.elements.length, array.elements, array.elements.length);
		}
		return Kind.ARRAY.compareTo(other.kind());
	}

	/**
	 * OPA's order of term lists: the first difference decides, else the shorter first.
	 */
	static int compareSequences(Value[] a, int aLength, Value[] b, int bLength) {
		int n = Math.min(aLength, bLength);
		for (int i = 0; i < n; i++) {
			int c = a[i].compareTo(b[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(aLength, bLength);
	}

	@Override
	public boolean equals(Object other) {
		if (other == this) {
			return true;
		}
		if (!(other instanceof ArrayValue array) || array.elements.length != this.elements.length) {
			return false;
		}
		if (this.hash != 0 && array.hash != 0 && this.hash != array.hash) {
			return false;
		}
		return Arrays.equals(this.elements, array.elements);
	}

	@Override
	public int hashCode() {
		int h = this.hash;
		if (h == 0) {
			h = Arrays.hashCode(this.elements);
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

	/**
	 * Collects the elements of a new array. A builder makes one array: after
	 * {@link #build()} it may not be used again.
	 */
	public static final class Builder {

		private Value[] elements;

		private int size;

		private Builder(int expectedSize) {
			this.elements = new Value[Math.max(expectedSize, 1)];
		}

		/** Appends {@code element}. */
		public Builder add(Value element) {
			Objects.requireNonNull(element, "element");
			if (this.elements == null) {
				throw new IllegalStateException("array already built");
			}
			if (this.size == this.elements.length) {
				this.elements = Arrays.copyOf(this.elements, this.size * 2);
			}
			this.elements[this.size++] = element;
			return this;
		}

		/** The number of elements added so far. */
		public int size() {
			return this.size;
		}

		/** The array of the elements added, in order. */
		public ArrayValue build() {
			if (this.elements == null) {
				throw new IllegalStateException("array already built");
			}
			Value[] result = (this.size == this.elements.length) ? this.elements
					: Arrays.copyOf(this.elements, this.size);
			this.elements = null;
			return ofOwned(result);
		}

	}

}
