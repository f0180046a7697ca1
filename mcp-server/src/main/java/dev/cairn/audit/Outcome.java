package dev.cairn.audit;

import java.util.Locale;

/** How a call ended. */
public enum Outcome {

	/** The tool ran and answered. */
	SUCCESS,

	/** The tool ran and failed, or answered with an error result. */
	ERROR,

	/** The call was not run: the decision (or the gateway, for bad input) refused it. */
	DENIED;

	/** The name stored and shown: {@code success}, {@code error}, {@code denied}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The outcome with this wire name, or {@code null}. */
	public static Outcome fromWireName(String name) {
		for (Outcome outcome : values()) {
			if (outcome.wireName().equals(name)) {
				return outcome;
			}
		}
		return null;
	}

}
