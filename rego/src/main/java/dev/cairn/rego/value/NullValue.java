package dev.cairn.rego.value;

/**
 * Rego's {@code null}. There is exactly one instance, {@link #NULL}.
 */
public final class NullValue implements Value {

	/** The only null value. */
	public static final NullValue NULL = new NullValue();

	private NullValue() {
	}

	@Override
	public Kind kind() {
		return Kind.NULL;
	}

	@Override
	public int compareTo(Value other) {
		return (other == this) ? 0 : Kind.NULL.compareTo(other.kind());
	}

	@Override
	public boolean equals(Object other) {
		return other == this;
	}

	@Override
	public int hashCode() {
		return 0x6e756c6c;
	}

	@Override
	public String toString() {
		return "null";
	}

}
