package dev.cairn.rego.value;

/**
 * A Rego value. Values are immutable and thread-safe, and ordered totally as OPA's
 * {@code ast.Compare} orders them: first by kind ({@code null < boolean < number < string
 * < array < object < set}), then within a kind. {@link #equals(Object)} and
 * {@link #hashCode()} agree with that order, so {@code 1} equals {@code 1.0}.
 * {@link #toString()} prints the value in Rego's term syntax, as OPA prints it.
 */
public sealed interface Value extends Comparable<Value>
		permits NullValue, BoolValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

	/** The kind of this value. */
	Kind kind();

	/**
	 * The name OPA uses for this value's type in messages, for example {@code "number"}
	 * in {@code operand 2 must be number but got set}.
	 */
	default String typeName() {
		return kind().typeName();
	}

	/**
	 * Compares in OPA's total order: by kind first, then by value.
	 */
	@Override
	int compareTo(Value other);

	/**
	 * The value in Rego's term syntax, for example {@code {"a": [1, true]}} or
	 * {@code set()}.
	 */
	@Override
	String toString();

	/**
	 * The kinds of value, declared in OPA's sort order.
	 */
	enum Kind {

		/** {@code null}. */
		NULL("null"),

		/** {@code true} and {@code false}. */
		BOOLEAN("boolean"),

		/** Numbers, integral or not. */
		NUMBER("number"),

		/** Strings. */
		STRING("string"),

		/** Arrays. */
		ARRAY("array"),

		/** Objects, whose keys may be any value. */
		OBJECT("object"),

		/** Sets. */
		SET("set");

		private final String typeName;

		Kind(String typeName) {
			this.typeName = typeName;
		}

		/** The name OPA gives this kind in messages. */
		public String typeName() {
			return this.typeName;
		}

	}

}
