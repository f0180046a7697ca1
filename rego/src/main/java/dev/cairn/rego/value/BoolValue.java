package dev.cairn.rego.value;

/**
 * Rego's {@code true} and {@code false}: exactly two instances, {@link #TRUE} and
 * {@link #FALSE}, so they may be compared with {@code ==}. {@code false} sorts before
 * {@code true}.
 */
public final class BoolValue implements Value {

	/** {@code true}. */
	public static final BoolValue TRUE = new BoolValue(true);

	/** {@code false}. */
	public static final BoolValue FALSE = new BoolValue(false);

	private final boolean value;

	private BoolValue(boolean value) {
		this.value = value;
	}

	/** {@link #TRUE} or {@link #FALSE}. */
	public static BoolValue of(boolean value) {
		return value ? TRUE : FALSE;
	}

	/** This value as a Java boolean. */
	public boolean value() {
		return this.value;
	}

	@Override
	public Kind kind() {
		return Kind.BOOLEAN;
	}

	@Override
	public int compareTo(Value other) {
		if (other instanceof BoolValue bool) {
			return Boolean.compare(this.value, bool.value);
		}
		return Kind.BOOLEAN.compareTo(other.kind());
	}

	@Override
	public boolean equals(Object other) {
		return other == this;
	}

	@Override
	public int hashCode() {
		return Boolean.hashCode(this.value);
	}

	@Override
	public String toString() {
		return this.value ? "true" : "false";
	}

}
