package dev.cairn.audit.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.cairn.audit.AuditQuery;
import dev.cairn.audit.Decision;
import dev.cairn.audit.Outcome;
import dev.cairn.mcp.ToolInputException;

/**
 * Turns the filters a caller gave (tool arguments or query parameters) into an
 * {@link AuditQuery}, naming the field at fault when one does not parse. Refs may be
 * short, as in the catalog tools: a bare principal name is a user, a bare target name a
 * component, and the namespace defaults to {@code default}.
 */
final class SearchRequest {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private SearchRequest() {
	}

	static AuditQuery query(String principal, String tool, String target, String decision, String outcome, String since,
			String until, Long beforeSeq, Integer limit) {
		Decision.Verdict verdict = null;
		if (present(decision)) {
			verdict = Decision.Verdict.fromWireName(decision.trim().toLowerCase(Locale.ROOT));
			if (verdict == null) {
				throw new ToolInputException("decision",
						"must be one of allow, deny, approval_required, policy_error; got \"" + decision + "\"");
			}
		}
		Outcome end = null;
		if (present(outcome)) {
			end = Outcome.fromWireName(outcome.trim().toLowerCase(Locale.ROOT));
			if (end == null) {
				throw new ToolInputException("outcome",
						"must be one of success, error, denied; got \"" + outcome + "\"");
			}
		}
		int size = (limit != null) ? limit : DEFAULT_LIMIT;
		if (size < 1 || size > MAX_LIMIT) {
			throw new ToolInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + size);
		}
		if (beforeSeq != null && beforeSeq < 1) {
			throw new ToolInputException("beforeSeq", "must be at least 1, got " + beforeSeq);
		}
		return new AuditQuery(ref(principal, "user"), present(tool) ? tool.trim() : null, ref(target, "component"),
				verdict, end, instant("since", since), instant("until", until), beforeSeq, size);
	}

	/** A ref in full form, {@code kind:namespace/name}, lower case. */
	static String ref(String value, String defaultKind) {
		if (!present(value)) {
			return null;
		}
		String rest = value.trim().toLowerCase(Locale.ROOT);
		String kind = defaultKind;
		int colon = rest.indexOf(':');
		if (colon >= 0) {
			kind = rest.substring(0, colon);
			rest = rest.substring(colon + 1);
		}
		return kind + ":" + ((rest.indexOf('/') >= 0) ? rest : "default/" + rest);
	}

	private static Instant instant(String field, String value) {
		if (!present(value)) {
			return null;
		}
		try {
			return Instant.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new ToolInputException(field,
					"must be an ISO-8601 instant such as 2026-11-21T09:00:00Z, got \"" + value + "\"");
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
