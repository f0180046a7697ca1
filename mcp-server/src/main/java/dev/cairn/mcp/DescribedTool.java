package dev.cairn.mcp;

import java.util.Objects;

/**
 * A tool whose descriptor and input type are fixed when it is built: the base every
 * feature's tools extend, so that each tool class holds only its input record, its
 * dependencies and its {@code call}.
 *
 * @param <I> the input record
 */
public abstract class DescribedTool<I> implements CairnTool<I> {

	private final ToolDescriptor descriptor;

	private final Class<I> inputType;

	protected DescribedTool(ToolDescriptor descriptor, Class<I> inputType) {
		this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
		this.inputType = Objects.requireNonNull(inputType, "inputType");
	}

	@Override
	public final ToolDescriptor descriptor() {
		return this.descriptor;
	}

	@Override
	public final Class<I> inputType() {
		return this.inputType;
	}

}
