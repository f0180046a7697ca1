# A gateway authorization policy, as the Cairn MCP gateway would run it before every tool
# call: roles come from the caller's groups, tools have an effect (read, write, deploy,
# destructive), and the catalog says who owns an entity, its tier, system and lifecycle.
# The answer is one decision object at data.cairn.authz.decision.
package cairn.authz

principal := input.principal

environment := input.resource.environment

tool := data.cairn.config.tools[input.tool]

entity := data.catalog.entities[input.resource.entity]

system := data.catalog.systems[entity.system]

# Roles from groups.
roles contains role if {
	some group in principal.groups
	some role in data.cairn.config.group_roles[group]
}

has_role(name) if name in roles

is_agent if principal.kind == "agent"

# Owners of the entity or of its system.
owns if entity.owner in principal.groups

owns if system.owner in principal.groups

tenant_match if principal.tenant == entity.tenant

read_only if tool.effect == "read"

writes if tool.effect == "write"

deploys if tool.effect == "deploy"

destructive if tool.effect == "destructive"

env_rank("development") := 1

env_rank("staging") := 2

env_rank("production") := 3

production if env_rank(environment) == 3

frozen if {
	some window in data.cairn.config.freeze_windows
	window.environment == environment
	window.start_ns <= input.request.time_ns
	input.request.time_ns < window.end_ns
}

# Read-only tools: any member of the tenant.
allowed if {
	read_only
	count(roles) > 0
}

# Writes outside production: owners, and operators below production.
allowed if {
	writes
	owns
	not production
}

allowed if {
	writes
	has_role("operator")
	env_rank(environment) < 3
}

# Deploys: owners anywhere but production; production needs the deployer role, a
# production lifecycle, no freeze, and the tier rules below.
allowed if {
	deploys
	not production
	owns
}

allowed if {
	deploys
	production
	has_role("deployer")
	owns
	entity.lifecycle == "production"
	not frozen
	entity.tier >= data.cairn.config.min_tier_without_review[system.domain]
}

allowed if {
	deploys
	production
	has_role("deployer")
	owns
	entity.lifecycle == "production"
	not frozen
	input.approval.granted == true
}

# Destructive tools: human admins only, never in production.
allowed if {
	destructive
	has_role("admin")
	not is_agent
	not production
}

default approval_required := false

approval_required if {
	deploys
	production
	entity.tier < data.cairn.config.min_tier_without_review[system.domain]
	not input.approval.granted
}

approval_required if {
	destructive
	has_role("admin")
	not is_agent
}

reasons contains "unknown tool" if not tool

reasons contains "unknown entity" if not entity

reasons contains msg if {
	entity
	not tenant_match
	msg := sprintf("%s belongs to tenant %s", [input.resource.entity, entity.tenant])
}

reasons contains "destructive tools are denied for agents" if {
	destructive
	is_agent
}

reasons contains msg if {
	frozen
	not read_only
	msg := sprintf("%s is frozen", [environment])
}

reasons contains "entity is deprecated" if {
	entity.lifecycle == "deprecated"
	not read_only
}

reasons contains msg if {
	tool
	entity
	not allowed
	msg := sprintf("%s may not call %s on %s in %s", [principal.id, input.tool, input.resource.entity, environment])
}

default allow := false

allow if {
	allowed
	tenant_match
	count(reasons) == 0
}

decision := {
	"allow": allow,
	"reasons": reasons,
	"approval_required": approval_required,
}
