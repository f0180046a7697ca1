package dev.cairn.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.cairn.identity.Caller;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

/**
 * What a policy decides on: who acts, what they want to do, on what, and in which
 * context. Both engines see it as the same JSON document ({@link #toJson()}), with the
 * field names and shapes documented, as a JSON Schema, in {@code policies/README.md}.
 *
 * @param principal who acts; {@code null} when no identity could be established, which
 * {@link PolicyService} denies before any engine is asked
 * @param action the tool and its arguments
 * @param resource the catalog entity and environment the action targets, as far as known
 * @param context when, which request, why (a call or a listing), and an approval if one
 * applies
 */
public record PolicyInput(Principal principal, Action action, Resource resource, Context context) {

	public PolicyInput {
		Objects.requireNonNull(action, "action");
		resource = (resource != null) ? resource : Resource.NONE;
		Objects.requireNonNull(context, "context");
	}

	/**
	 * The document the engines evaluate: ordered maps and lists, snake_case keys, enums
	 * in lower case, times in RFC 3339, absent values as JSON {@code null}.
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("principal", (this.principal != null) ? this.principal.toJson() : null);
		json.put("action", this.action.toJson());
		json.put("resource", this.resource.toJson());
		json.put("context", this.context.toJson());
		return json;
	}

	/**
	 * The document as a Rego value.
	 * @throws IllegalArgumentException when an argument holds something that is not JSON
	 */
	Value toValue() {
		return Values.fromJava(toJson());
	}

	static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static List<String> copy(List<String> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	/**
	 * Who acts.
	 *
	 * @param id the principal's catalog ref, for example {@code user:default/dana}
	 * @param kind user, agent or service
	 * @param groups the catalog groups of the principal and all their parents (empty for
	 * an agent, whose permissions come from the user it acts for)
	 * @param tenant the tenant the principal belongs to (its catalog namespace)
	 * @param agentClient the MCP client's {@code name/version}, or {@code null}
	 * @param actingFor the user an agent acts for, or {@code null}
	 */
	public record Principal(String id, Caller.PrincipalKind kind, List<String> groups, String tenant,
			String agentClient, ActingFor actingFor) {

		public Principal {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(tenant, "tenant");
			if (id.isBlank() || tenant.isBlank()) {
				throw new IllegalArgumentException("a principal needs an id and a tenant");
			}
			groups = copy(groups);
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", this.id);
			json.put("kind", lower(this.kind));
			json.put("groups", this.groups);
			json.put("tenant", this.tenant);
			json.put("agent_client", this.agentClient);
			json.put("acting_for", (this.actingFor != null) ? this.actingFor.toJson() : null);
			return json;
		}

	}

	/**
	 * The user an agent acts for.
	 *
	 * @param id the user's catalog ref
	 * @param groups the user's groups and all their parents
	 */
	public record ActingFor(String id, List<String> groups) {

		public ActingFor {
			Objects.requireNonNull(id, "id");
			groups = copy(groups);
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", this.id);
			json.put("groups", this.groups);
			return json;
		}

	}

	/**
	 * What is to be done.
	 *
	 * @param tool the tool's name
	 * @param arguments the arguments as the client sent them (JSON values)
	 * @param readOnly the tool's read-only hint
	 * @param destructive the tool's destructive hint
	 * @param channel how the request arrived
	 */
	public record Action(String tool, Map<String, Object> arguments, boolean readOnly, boolean destructive,
			Caller.Channel channel) {

		public Action {
			Objects.requireNonNull(tool, "tool");
			Objects.requireNonNull(channel, "channel");
			// Keeps the client's order and any nulls it sent.
			arguments = (arguments != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(arguments)) : Map.of();
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("tool", this.tool);
			json.put("arguments", this.arguments);
			json.put("read_only", this.readOnly);
			json.put("destructive", this.destructive);
			json.put("channel", lower(this.channel));
			return json;
		}

	}

	/**
	 * What the action targets.
	 *
	 * @param entity the catalog entity, or {@code null} when the action names none (or
	 * names one the catalog does not hold)
	 * @param environment the target environment, for example {@code production}, or
	 * {@code null}
	 */
	public record Resource(Target entity, String environment) {

		/** No entity, no environment. */
		public static final Resource NONE = new Resource(null, null);

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("entity", (this.entity != null) ? this.entity.toJson() : null);
			json.put("environment", this.environment);
			return json;
		}

	}

	/**
	 * The facts about a catalog entity that policies decide on.
	 *
	 * @param ref the full ref, {@code kind:namespace/name}, lower case
	 * @param kind the kind, lower case
	 * @param namespace the namespace (the tenant it belongs to)
	 * @param owner the owner's full ref, or {@code null}
	 * @param lifecycle {@code spec.lifecycle}, or {@code null}
	 * @param tier the tier, for example {@code tier-1}, or {@code null}
	 * @param system the full ref of the system it is part of, or {@code null}
	 * @param tags its tags
	 */
	public record Target(String ref, String kind, String namespace, String owner, String lifecycle, String tier,
			String system, List<String> tags) {

		public Target {
			Objects.requireNonNull(ref, "ref");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(namespace, "namespace");
			tags = copy(tags);
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("ref", this.ref);
			json.put("kind", this.kind);
			json.put("namespace", this.namespace);
			json.put("owner", this.owner);
			json.put("lifecycle", this.lifecycle);
			json.put("tier", this.tier);
			json.put("system", this.system);
			json.put("tags", this.tags);
			return json;
		}

	}

	/**
	 * The circumstances.
	 *
	 * @param time when the request is decided (sent with millisecond precision)
	 * @param requestId the request's id, shared with the audit trail
	 * @param purpose whether a call is to run, or {@code tools/list} asks whether the
	 * tool may be shown
	 * @param approval the approval this call runs under, or {@code null}
	 * @param ownsEntities whether the caller (for an agent, the user it acts for) or one
	 * of its groups owns at least one catalog entity
	 */
	public record Context(Instant time, String requestId, Purpose purpose, Approval approval, boolean ownsEntities) {

		public Context {
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(requestId, "requestId");
			Objects.requireNonNull(purpose, "purpose");
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("time", this.time.truncatedTo(ChronoUnit.MILLIS).toString());
			json.put("request_id", this.requestId);
			json.put("purpose", lower(this.purpose));
			json.put("approval", (this.approval != null) ? this.approval.toJson() : null);
			json.put("owns_entities", this.ownsEntities);
			return json;
		}

	}

	/** Why the policy is asked. */
	public enum Purpose {

		/** A call is about to run. */
		CALL,
		/** {@code tools/list} asks whether some call to the tool could be permitted. */
		LIST

	}

	/**
	 * An approval granted for the exact call being decided.
	 *
	 * @param id the approval's id
	 * @param approvedBy who approved, a catalog ref
	 * @param approverGroups the approver's groups (and their parents) when they approved
	 * @param approvedAt when
	 */
	public record Approval(String id, String approvedBy, List<String> approverGroups, Instant approvedAt) {

		public Approval {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(approvedBy, "approvedBy");
			Objects.requireNonNull(approvedAt, "approvedAt");
			approverGroups = copy(approverGroups);
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", this.id);
			json.put("approved_by", this.approvedBy);
			json.put("approver_groups", new ArrayList<>(this.approverGroups));
			json.put("approved_at", this.approvedAt.truncatedTo(ChronoUnit.MILLIS).toString());
			return json;
		}

	}

}
