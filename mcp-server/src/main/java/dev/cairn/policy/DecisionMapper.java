package dev.cairn.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * The one reading of a decision document, shared by both engines, so that the same
 * document means the same decision wherever it was computed. The document is
 *
 * <pre>
 * {"allow": bool, "reasons": [string], "hint": string | null,
 *  "approval": {"approvers": [string], "reason": string} | null,
 *  "obligations": {"redact": [string], "limit": integer}}
 * </pre>
 *
 * Only {@code allow} is required. Anything else (undefined, not an object, a missing or
 * non-boolean {@code allow}, a wrong type, a key this contract does not have, an approval
 * on an allowed action) is a policy bug and denies with
 * {@value Decision#POLICY_UNAVAILABLE}: a misspelt key must not quietly change what is
 * allowed.
 */
final class DecisionMapper {

	private static final Set<String> KEYS = Set.of("allow", "reasons", "hint", "approval", "obligations");

	private static final Set<String> APPROVAL_KEYS = Set.of("approvers", "reason");

	private static final Set<String> OBLIGATION_KEYS = Set.of("redact", "limit");

	private DecisionMapper() {
	}

	static Decision map(DecisionDocument document) {
		String revision = document.revision();
		String decisionId = document.decisionId();
		if (document.result() == null) {
			return Decision.Deny.unavailable("the decision is undefined (revision " + revision + ")", revision,
					decisionId);
		}
		try {
			return read(document.result(), revision, decisionId);
		}
		catch (Malformed ex) {
			return Decision.Deny.unavailable("malformed decision (revision " + revision + "): " + ex.getMessage(),
					revision, decisionId);
		}
	}

	private static Decision read(Value result, String revision, String decisionId) {
		ObjectValue doc = object(result, "the decision");
		for (Value key : doc.keys()) {
			if (!(key instanceof StringValue name) || !KEYS.contains(name.value())) {
				throw new Malformed("unknown key " + key + " in the decision; expected " + sorted(KEYS));
			}
		}
		Value allow = doc.get("allow");
		if (!(allow instanceof BoolValue bool)) {
			throw new Malformed("\"allow\" must be true or false, got " + describe(allow));
		}
		List<String> reasons = strings(doc.get("reasons"), "reasons");
		String hint = optionalString(doc.get("hint"), "hint");
		Value approval = doc.get("approval");
		Decision.Obligations obligations = obligations(doc.get("obligations"));
		if (approval != null && !(approval instanceof NullValue)) {
			if (bool.value()) {
				throw new Malformed("an allowed action cannot also need an approval");
			}
			ObjectValue request = object(approval, "\"approval\"");
			for (Value key : request.keys()) {
				if (!(key instanceof StringValue name) || !APPROVAL_KEYS.contains(name.value())) {
					throw new Malformed("unknown key " + key + " in \"approval\"; expected " + sorted(APPROVAL_KEYS));
				}
			}
			List<String> approvers = strings(request.get("approvers"), "approval.approvers");
			if (approvers.isEmpty()) {
				throw new Malformed("\"approval.approvers\" must name at least one approver");
			}
			String reason = optionalString(request.get("reason"), "approval.reason");
			if (reason == null) {
				throw new Malformed("\"approval.reason\" must be a string");
			}
			return new Decision.RequireApproval(approvers, reason, hint, revision, decisionId);
		}
		if (bool.value()) {
			return new Decision.Allow(obligations, revision, decisionId);
		}
		return new Decision.Deny(reasons.isEmpty() ? List.of("denied") : reasons, hint, null, revision, decisionId);
	}

	private static Decision.Obligations obligations(Value value) {
		if (value == null || value instanceof NullValue) {
			return Decision.Obligations.NONE;
		}
		ObjectValue obligations = object(value, "\"obligations\"");
		for (Value key : obligations.keys()) {
			if (!(key instanceof StringValue name) || !OBLIGATION_KEYS.contains(name.value())) {
				throw new Malformed("unknown key " + key + " in \"obligations\"; expected " + sorted(OBLIGATION_KEYS));
			}
		}
		List<String> redact = strings(obligations.get("redact"), "obligations.redact");
		Value limit = obligations.get("limit");
		Integer max = null;
		if (limit != null && !(limit instanceof NullValue)) {
			if (!(limit instanceof NumberValue number) || !number.isInteger() || !number.fitsInt()
					|| number.signum() <= 0) {
				// A listing of nothing is a denial in disguise; the policy should deny.
				throw new Malformed("\"obligations.limit\" must be a positive integer, got " + describe(limit));
			}
			max = number.asInt();
		}
		return new Decision.Obligations(redact, max);
	}

	private static ObjectValue object(Value value, String what) {
		if (!(value instanceof ObjectValue object)) {
			throw new Malformed(what + " must be an object, got " + describe(value));
		}
		return object;
	}

	/** An absent or null list is empty; anything but an array of strings is malformed. */
	private static List<String> strings(Value value, String field) {
		if (value == null || value instanceof NullValue) {
			return List.of();
		}
		if (!(value instanceof ArrayValue array)) {
			throw new Malformed("\"" + field + "\" must be an array of strings, got " + describe(value));
		}
		List<String> strings = new ArrayList<>(array.size());
		for (Value element : array) {
			if (!(element instanceof StringValue string)) {
				throw new Malformed("\"" + field + "\" must hold only strings, got " + describe(element));
			}
			strings.add(string.value());
		}
		return strings;
	}

	private static String optionalString(Value value, String field) {
		if (value == null || value instanceof NullValue) {
			return null;
		}
		if (!(value instanceof StringValue string)) {
			throw new Malformed("\"" + field + "\" must be a string, got " + describe(value));
		}
		return string.value();
	}

	private static String describe(Value value) {
		if (value == null) {
			return "nothing";
		}
		String text = value.toString();
		return value.typeName() + " " + ((text.length() > 60) ? text.substring(0, 60) + "..." : text);
	}

	private static List<String> sorted(Set<String> keys) {
		return keys.stream().sorted().toList();
	}

	private static final class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message, null, false, false);
		}

	}

}
