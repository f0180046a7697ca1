# Principals, entities and inputs shared by the tests of data.cairn.authz. The shapes
# are those of policies/README.md; the people and teams are the demo organisation's.
package cairn.authz_test

now := "2026-11-21T10:00:00Z"

user(name, groups) := {
	"id": sprintf("user:default/%s", [name]),
	"kind": "user",
	"groups": groups,
	"tenant": "default",
	"agent_client": null,
	"acting_for": null,
}

alice := user("alice", ["group:default/team-payments", "group:default/engineering"])

dave := user("dave", ["group:default/team-checkout", "group:default/engineering"])

grace := user("grace", ["group:default/team-platform", "group:default/engineering"])

# An agent acting for a user carries that user's id and groups, and no groups of its own.
agent_for(person) := {
	"id": "agent:default/assistant",
	"kind": "agent",
	"groups": [],
	"tenant": "default",
	"agent_client": "claude-code/2.1.0",
	"acting_for": {"id": person.id, "groups": person.groups},
}

lone_agent := object.union(agent_for(alice), {"acting_for": null})

deploy_bot := {
	"id": "service:default/deploy-bot",
	"kind": "service",
	"groups": ["group:default/team-payments"],
	"tenant": "default",
	"agent_client": null,
	"acting_for": null,
}

component(name, owner, tier) := {
	"ref": sprintf("component:default/%s", [name]),
	"kind": "component",
	"namespace": "default",
	"owner": owner,
	"lifecycle": "production",
	"tier": tier,
	"system": "system:default/payments",
	"tags": ["java"],
}

payment_api := component("payment-api", "group:default/team-payments", "tier-1")

ledger := component("ledger", "group:default/team-payments", "tier-2")

read := {"read_only": true, "destructive": false}

change := {"read_only": false, "destructive": false}

destroy := {"read_only": false, "destructive": true}

call(who, tool, hints, target, env) := {
	"principal": who,
	"action": {
		"tool": tool,
		"arguments": {},
		"read_only": hints.read_only,
		"destructive": hints.destructive,
		"channel": "mcp",
	},
	"resource": {"entity": target, "environment": env},
	"context": {"time": now, "request_id": "req-1", "purpose": "call", "approval": null, "owns_entities": owns(who)},
}

# In these fixtures a caller in a group owns something, as the demo teams do.
owns(who) := count(who.groups) > 0 if not who.kind == "agent"

owns(who) := count(object.get(who, ["acting_for", "groups"], [])) > 0 if who.kind == "agent"

listing(who, tool, hints) := object.union(call(who, tool, hints, null, null), {"context": {"purpose": "list"}})

with_arguments(inp, args) := object.union(inp, {"action": {"arguments": args}})

decide(inp) := d if {
	d := data.cairn.authz.decision with input as inp
}

allows(inp) if decide(inp).allow == true

denies(inp, reason) if {
	d := decide(inp)
	d.allow == false
	d.approval == null
	reason in d.reasons
}

needs_approval_from(inp, approvers) if {
	d := decide(inp)
	d.allow == false
	d.approval.approvers == approvers
}
