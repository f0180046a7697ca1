# Cairn's guardrails: one decision for every action, by humans and agents alike.
#
# Cairn asks for data.cairn.authz.decision with the input described in policies/README.md
# and expects exactly this document back:
#
#   {"allow": bool, "reasons": [string], "hint": string | null,
#    "approval": {"approvers": [string], "reason": string} | null,
#    "obligations": {"redact": [string], "limit": number}}
#
# Cairn treats anything else (undefined, a wrong type, a misspelt key) as a denial. The
# settings these rules read (production environments, freezes, break-glass groups, ...)
# are in policies/data.json.
package cairn.authz

import data.cairn.settings

# ---------------------------------------------------------------------------------------
# The decision: any denial wins; then an approval, if one is needed; then what the rules
# permit. Nothing is allowed by default.
# ---------------------------------------------------------------------------------------

default decision := {
	"allow": false,
	"reasons": ["not_permitted"],
	"hint": "no rule permits this action; ask the owner of the target to make the change",
	"approval": null,
	"obligations": {},
}

decision := denied if {
	count(denials) > 0
} else := approval_needed if {
	approval_required
} else := allowed if {
	permitted
}

denied := {
	"allow": false,
	"reasons": sort({d.reason | some d in denials}),
	"hint": concat(" ", sort({d.hint | some d in denials})),
	"approval": null,
	"obligations": {},
}

approval_needed := {
	"allow": false,
	"reasons": ["approval_required"],
	"hint": sprintf("production changes to %s services need an approval from %s; call the tool again with the same arguments to request one", [entity.tier, entity.owner]),
	"approval": {
		"approvers": [entity.owner],
		"reason": sprintf("%s on %s in %s (%s)", [input.action.tool, entity.ref, environment, entity.tier]),
	},
	"obligations": {},
}

allowed := {
	"allow": true,
	"reasons": [],
	"hint": null,
	"approval": null,
	"obligations": obligations,
}

# What a permitted call must do with its result: always redact the configured fields, and
# keep answers to agents short.
obligations["redact"] := settings.redact_fields

obligations["limit"] := settings.agent_result_limit if is_agent

# ---------------------------------------------------------------------------------------
# Facts about the input.
# ---------------------------------------------------------------------------------------

principal := input.principal

entity := input.resource.entity

environment := input.resource.environment

has_entity if is_object(entity)

identified if {
	is_string(principal.id)
	principal.id != ""
	principal.kind in {"user", "agent", "service"}
	is_string(principal.tenant)
	principal.tenant != ""
}

is_agent if principal.kind == "agent"

mutating if input.action.read_only != true

production if environment in settings.production_environments

# tools/list asks whether any call to a tool could be permitted: there is no target yet.
listing if input.context.purpose == "list"

# An agent acts with the groups of the user it acts for, never with its own.
effective_groups := {g | some g in principal.groups} if not is_agent

effective_groups := {g | some g in principal.acting_for.groups} if is_agent

# Everything that stands for the caller: the principal, the user an agent acts for, and
# their groups.
own_identities contains principal.id

own_identities contains principal.acting_for.id if is_string(principal.acting_for.id)

own_identities contains g if some g in principal.groups

own_identities contains g if some g in principal.acting_for.groups

# ---------------------------------------------------------------------------------------
# Members read: any identified principal may use read-only tools within its tenant (a
# tenant is a catalog namespace).
# ---------------------------------------------------------------------------------------

permitted if {
	identified
	not mutating
}

denials contains {
	"reason": "unidentified",
	"hint": "the caller has no complete identity (id, kind, tenant); authenticate and try again",
} if not identified

denials contains {
	"reason": "other_tenant",
	"hint": sprintf("%s belongs to tenant %s, and the caller to %s; ask someone in that tenant", [entity.ref, entity.namespace, principal.tenant]),
} if {
	identified
	has_entity
	entity.namespace != principal.tenant
}

# ---------------------------------------------------------------------------------------
# Raw queries: PromQL and LogQL reach every series and stream the store holds, not only
# those of the service named, so only members of settings.raw_query_groups may send them
# (an agent when the user it acts for is one). Everyone else asks for a named metric, or
# for lines by level and text.
# ---------------------------------------------------------------------------------------

raw_query_arguments := {"metrics_query": "promql", "logs_query": "logql"}

raw_query_alternatives := {
	"metrics_query": "ask for a named metric instead (metric: error_rate, latency_p99, request_rate, cpu, memory or restarts)",
	"logs_query": "filter by level and text instead of logql",
}

# Missing from data.json, nobody may: the rule fails closed.
raw_query_groups := object.get(settings, "raw_query_groups", [])

denials contains {
	"reason": "raw_query_not_allowed",
	"hint": sprintf("%s with %s is reserved to members of %s; %s", [input.action.tool, raw_query_arguments[input.action.tool], concat(", ", raw_query_groups), raw_query_alternatives[input.action.tool]]),
} if {
	carries_raw_query
	not raw_query_allowed
}

# A blank or null argument is no query.
carries_raw_query if {
	query := input.action.arguments[raw_query_arguments[input.action.tool]]
	query != null
	not blank(query)
}

blank(value) if {
	is_string(value)
	trim_space(value) == ""
}

raw_query_allowed if {
	some group in effective_groups
	group in raw_query_groups
}

# ---------------------------------------------------------------------------------------
# Owners change what they own: a change is permitted when the owner of its target is one
# of the caller's groups (for an agent, one of the groups of the user it acts for), or
# the caller. A tool that creates something names its future owner in `owner`.
# ---------------------------------------------------------------------------------------

permitted if {
	identified
	mutating
	owns_target
}

# A changing tool is shown to callers who own something they could change: the caller,
# the user an agent acts for, or one of their groups owns a catalog entity.
permitted if {
	identified
	mutating
	listing
	input.context.owns_entities == true
}

owns_target if {
	has_entity
	entity.owner in effective_groups
}

owns_target if {
	has_entity
	not is_agent
	entity.owner == principal.id
}

owns_target if {
	is_agent
	has_entity
	entity.owner == principal.acting_for.id
}

owns_target if {
	not has_entity
	input.action.arguments.owner in effective_groups
}

denials contains {
	"reason": "agent_without_user",
	"hint": "an agent changes things only on behalf of a user; connect with a token that names the user it acts for",
} if {
	is_agent
	mutating
	not is_string(principal.acting_for.id)
}

denials contains {
	"reason": "not_owner",
	"hint": sprintf("only %s (the owner of %s) and agents acting for its members can change it; ask them to make the change", [object.get(entity, "owner", "its owner"), entity.ref]),
} if {
	identified
	mutating
	has_entity
	not owns_target
}

denials contains {
	"reason": "no_target",
	"hint": "this tool changes something, but the call names no catalog entity (or new owner) whose ownership can be checked; name the target",
} if {
	identified
	mutating
	not listing
	not has_entity
	not owns_target
}

# ---------------------------------------------------------------------------------------
# Production changes to critical services need an approval from the owning group. The
# approval must come from someone other than the requester and the user an agent acts for.
# ---------------------------------------------------------------------------------------

approval_required if {
	mutating
	production
	has_entity
	entity.tier in settings.approval_tiers
	not approved
}

approved if {
	approval := input.context.approval
	is_string(approval.approved_by)
	not approval.approved_by in own_identities
	entity.owner in approval.approver_groups
}

# ---------------------------------------------------------------------------------------
# Agents may not run destructive actions on production, approval or not.
# ---------------------------------------------------------------------------------------

denials contains {
	"reason": "agent_destructive_in_production",
	"hint": "agents may not run destructive actions on production; a human owner can run it, or try it on staging",
} if {
	is_agent
	input.action.destructive == true
	production
}

# ---------------------------------------------------------------------------------------
# Change freezes: no changes to production during a freeze window, except by a human in
# a break-glass group.
# ---------------------------------------------------------------------------------------

denials contains {
	"reason": "change_freeze",
	"hint": sprintf("production is frozen for %s until %s; only members of %s may change it now", [freeze.name, freeze.end, concat(", ", settings.break_glass_groups)]),
} if {
	mutating
	production
	some freeze in active_freezes
	not break_glass
}

active_freezes contains freeze if {
	some freeze in settings.freezes
	now := time.parse_rfc3339_ns(input.context.time)
	time.parse_rfc3339_ns(freeze.start) <= now
	now < time.parse_rfc3339_ns(freeze.end)
}

break_glass if {
	principal.kind == "user"
	some group in principal.groups
	group in settings.break_glass_groups
}

# A change to production at an unknown time cannot be checked against the freezes.
denials contains {
	"reason": "invalid_time",
	"hint": "the request carries no valid RFC 3339 time, so change freezes cannot be checked",
} if {
	mutating
	production
	not time.parse_rfc3339_ns(input.context.time)
}

# ---------------------------------------------------------------------------------------
# Nobody widens their own permissions: a change to permissions (a tool whose name starts
# with one of settings.permission_tool_prefixes, or any change to a group or user entity)
# may not target the caller, the user an agent acts for, or any of their groups.
# ---------------------------------------------------------------------------------------

denials contains {
	"reason": "self_escalation",
	"hint": sprintf("%s would change the permissions of %s, which is the caller or one of its groups; ask someone outside it to make the change", [input.action.tool, target]),
} if {
	permission_change
	some target in permission_targets
	target in own_identities
}

permission_change if {
	mutating
	some prefix in settings.permission_tool_prefixes
	startswith(input.action.tool, prefix)
}

permission_change if {
	mutating
	has_entity
	entity.kind in {"group", "user"}
}

permission_targets contains entity.ref if has_entity

permission_targets contains target if {
	some key in settings.permission_target_arguments
	target := input.action.arguments[key]
	is_string(target)
}
