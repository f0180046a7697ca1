package dev.cairn.mcp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import dev.cairn.identity.Caller;

/**
 * What a running tool may know and do besides its input: who calls, how to report
 * progress, and, where the channel allows it, how to log to the client, ask the client's
 * model (sampling) and ask the user (elicitation). Those last three have defaults for
 * channels that offer none, so only the MCP channel needs to implement them.
 */
public interface ToolContext {

	Caller caller();

	/**
	 * Reports progress to the client when it asked for it (a progress token); otherwise
	 * does nothing.
	 */
	void progress(double progress, Double total, String message);

	/**
	 * The most items this call may list when the policy limits it (a {@code limit}
	 * obligation, typically for agents); empty otherwise.
	 */
	default OptionalInt resultLimit() {
		return OptionalInt.empty();
	}

	/**
	 * How many items a listing returns: what the caller asked for, else the tool's
	 * default, and never more than the policy's limit.
	 */
	default int limit(Integer requested, int defaultLimit) {
		int wanted = (requested != null) ? requested : defaultLimit;
		OptionalInt cap = resultLimit();
		return cap.isPresent() ? Math.min(wanted, cap.getAsInt()) : wanted;
	}

	/**
	 * Sends a log message to the client when it asked for messages of this level;
	 * otherwise does nothing.
	 */
	default void log(LogLevel level, String message) {
	}

	/**
	 * Asks the client's model to answer a prompt and returns the answer's text.
	 * @throws ClientCapabilityException when the client offers no sampling
	 */
	default String sample(String prompt, int maxTokens) {
		throw new ClientCapabilityException("this channel offers no sampling");
	}

	/**
	 * Asks the user, through the client, for values matching a flat JSON object schema.
	 * @throws ClientCapabilityException when the client offers no elicitation
	 */
	default Elicitation elicit(String message, Map<String, Object> requestedSchema) {
		throw new ClientCapabilityException("this channel offers no elicitation");
	}

	/** How much a log message matters, lowest first. */
	enum LogLevel {

		DEBUG, INFO, NOTICE, WARNING, ERROR

	}

	/**
	 * The user's answer to {@link #elicit}.
	 *
	 * @param action {@code accept}, {@code decline} or {@code cancel}
	 * @param content the values given, empty unless accepted
	 */
	record Elicitation(String action, Map<String, Object> content) {

		public Elicitation {
			// Keeps the client's order and any nulls it sent.
			content = (content != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(content)) : Map.of();
		}

	}

}
