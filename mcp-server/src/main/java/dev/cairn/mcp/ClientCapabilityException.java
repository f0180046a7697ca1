package dev.cairn.mcp;

/**
 * A tool asked for something the calling client does not offer, such as sampling or
 * elicitation. The guard turns it into an error result that says so, rather than one that
 * blames the server.
 */
public class ClientCapabilityException extends RuntimeException {

	public ClientCapabilityException(String message) {
		super(message);
	}

}
