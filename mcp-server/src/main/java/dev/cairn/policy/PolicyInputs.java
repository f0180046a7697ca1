package dev.cairn.policy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.cairn.identity.Caller;

/**
 * Builds {@link PolicyInput}s from a caller and a tool call, with groups and the target
 * entity taken from the catalog through {@link GroupResolver} and {@link EntityResolver}.
 * <p>
 * The target is found by convention in the arguments: the first string among
 * {@value #TARGET_ARGUMENTS_TEXT} names the entity, and {@code environment} (or
 * {@code env}) the environment. The tenant is the principal's catalog namespace.
 */
public final class PolicyInputs {

	static final List<String> TARGET_ARGUMENTS = List.of("ref", "entity_ref", "entity", "service", "target");

	static final String TARGET_ARGUMENTS_TEXT = "ref, entity_ref, entity, service, target";

	static final List<String> ENVIRONMENT_ARGUMENTS = List.of("environment", "env");

	private final GroupResolver groups;

	private final EntityResolver entities;

	private final Clock clock;

	public PolicyInputs(GroupResolver groups, EntityResolver entities, Clock clock) {
		this.groups = Objects.requireNonNull(groups, "groups");
		this.entities = Objects.requireNonNull(entities, "entities");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The input for a call about to run.
	 * @param caller who calls, or {@code null} when unknown (the decision will be a
	 * denial)
	 * @param tool the tool's name and hints
	 * @param arguments the arguments as sent
	 * @param requestId the request's id
	 * @param approval the approval the call runs under, or {@code null}
	 */
	public PolicyInput forCall(Caller caller, ToolFacts tool, Map<String, Object> arguments, String requestId,
			PolicyInput.Approval approval) {
		Map<String, Object> args = (arguments != null) ? arguments : Map.of();
		String ref = firstString(args, TARGET_ARGUMENTS);
		PolicyInput.Target target = (ref != null) ? this.entities.resolve(ref).orElse(null) : null;
		PolicyInput.Resource resource = new PolicyInput.Resource(target, firstString(args, ENVIRONMENT_ARGUMENTS));
		PolicyInput.Principal principal = principal(caller);
		return new PolicyInput(principal, action(caller, tool, args), resource, new PolicyInput.Context(
				this.clock.instant(), requestId, PolicyInput.Purpose.CALL, approval, ownsEntities(principal)));
	}

	/**
	 * The input for {@code tools/list}: may some call to this tool be permitted? No
	 * arguments, no target.
	 */
	public PolicyInput forListing(Caller caller, ToolFacts tool) {
		PolicyInput.Principal principal = principal(caller);
		return new PolicyInput(principal, action(caller, tool, Map.of()), PolicyInput.Resource.NONE,
				new PolicyInput.Context(this.clock.instant(), UUID.randomUUID().toString(), PolicyInput.Purpose.LIST,
						null, ownsEntities(principal)));
	}

	/**
	 * Whether the principal, the user an agent acts for, or one of their groups owns an
	 * entity.
	 */
	private boolean ownsEntities(PolicyInput.Principal principal) {
		if (principal == null) {
			return false;
		}
		java.util.List<String> owners = new java.util.ArrayList<>();
		owners.add(principal.id());
		owners.addAll(principal.groups());
		if (principal.actingFor() != null) {
			owners.add(principal.actingFor().id());
			owners.addAll(principal.actingFor().groups());
		}
		boolean inAGroup = !principal.groups().isEmpty()
				|| (principal.actingFor() != null && !principal.actingFor().groups().isEmpty());
		return this.entities.ownsAny(owners, inAGroup);
	}

	private PolicyInput.Principal principal(Caller caller) {
		if (caller == null) {
			return null;
		}
		boolean agent = caller.kind() == Caller.PrincipalKind.AGENT;
		PolicyInput.ActingFor actingFor = (caller.onBehalfOf() != null)
				? new PolicyInput.ActingFor(caller.onBehalfOf(), this.groups.groupsOf(caller.onBehalfOf())) : null;
		// An agent's permissions are those of the user it acts for, never its own.
		List<String> own = agent ? List.of() : this.groups.groupsOf(caller.principal());
		return new PolicyInput.Principal(caller.principal(), caller.kind(), own, tenantOf(caller.principal()),
				caller.agentClient(), actingFor);
	}

	private static PolicyInput.Action action(Caller caller, ToolFacts tool, Map<String, Object> arguments) {
		Caller.Channel channel = (caller != null) ? caller.channel() : Caller.Channel.MCP;
		return new PolicyInput.Action(tool.name(), arguments, tool.readOnly(), tool.destructive(), channel);
	}

	/** The namespace of a {@code kind:namespace/name} ref; {@code default} otherwise. */
	static String tenantOf(String ref) {
		int colon = ref.indexOf(':');
		int slash = ref.indexOf('/', colon + 1);
		if (slash > colon + 1) {
			return ref.substring(colon + 1, slash);
		}
		return "default";
	}

	private static String firstString(Map<String, Object> arguments, List<String> names) {
		for (String name : names) {
			if (arguments.get(name) instanceof String value && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * A read-only listing by a service principal: what health checks and the revision
	 * check decide, to learn whether the engine answers at all.
	 */
	static PolicyInput probe(Clock clock) {
		return new PolicyInput(
				new PolicyInput.Principal("service:default/cairn-readiness", Caller.PrincipalKind.SERVICE, List.of(),
						"default", null, null),
				new PolicyInput.Action("cairn_readiness_probe", Map.of(), true, false, Caller.Channel.API),
				PolicyInput.Resource.NONE,
				new PolicyInput.Context(clock.instant(), "readiness-probe", PolicyInput.Purpose.LIST, null, false));
	}

}
