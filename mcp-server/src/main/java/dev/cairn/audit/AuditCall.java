package dev.cairn.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.cairn.identity.Caller;

/**
 * One call as it reaches the audit trail: who, through which channel, what and on what.
 * The arguments are the raw ones; the trail keeps only a keyed digest and a redacted
 * copy.
 *
 * @param requestId the gateway's id for the call, also given to the caller in errors
 * @param at when the call arrived
 * @param caller who called, or {@code null} when no identity could be established
 * @param channel how the call arrived
 * @param tool the tool's name
 * @param target the catalog entity the arguments name, or {@code null}
 * @param arguments the call's arguments as received (JSON-like values), or {@code null}
 */
public record AuditCall(String requestId, Instant at, Caller caller, Caller.Channel channel, String tool, String target,
		Map<String, Object> arguments) {

	public AuditCall {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(tool, "tool");
	}

}
