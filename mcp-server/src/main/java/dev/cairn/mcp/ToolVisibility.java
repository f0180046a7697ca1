package dev.cairn.mcp;

import dev.cairn.identity.Caller;

/**
 * Which tools a caller sees in {@code tools/list}: exactly those it may call (allowed, or
 * allowed after approval). The policy layer provides the real answer; a hidden tool that
 * is called by name is decided like any other call.
 */
@FunctionalInterface
public interface ToolVisibility {

	/** Every tool is listed. */
	ToolVisibility ALL = (caller, tool) -> true;

	/**
	 * Whether {@code caller} may see {@code tool}.
	 * @param caller the identified caller
	 * @param tool the tool's descriptor
	 */
	boolean visible(Caller caller, ToolDescriptor tool);

}
