package dev.cairn.mcp;

import dev.cairn.identity.Caller;

/**
 * What a running tool may know and do besides its input: who calls, and how to report
 * progress.
 */
public interface ToolContext {

	Caller caller();

	/**
	 * Reports progress to the client when it asked for it (a progress token); otherwise
	 * does nothing.
	 */
	void progress(double progress, Double total, String message);

}
