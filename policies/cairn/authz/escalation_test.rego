# Nobody widens their own permissions.
package cairn.authz_test

team_payments := {
	"ref": "group:default/team-payments",
	"kind": "group",
	"namespace": "default",
	"owner": "group:default/engineering",
	"lifecycle": null,
	"tier": null,
	"system": null,
	"tags": [],
}

test_a_member_may_not_change_their_own_group if {
	denies(call(alice, "catalog_update_entity", change, team_payments, null), "self_escalation")
}

test_an_agent_may_not_change_the_group_of_its_user if {
	denies(call(agent_for(alice), "catalog_update_entity", change, team_payments, null), "self_escalation")
}

test_an_owner_of_the_parent_group_may_change_another_group if {
	allows(call(grace, "catalog_update_entity", change, team_payments, null))
}

test_nobody_grants_themselves_access if {
	inp := with_arguments(call(grace, "access_grant", change, team_payments, null), {"user": grace.id})
	denies(inp, "self_escalation")
}

test_nobody_adds_their_agents_user_to_a_group if {
	inp := with_arguments(call(agent_for(grace), "access_grant", change, team_payments, null), {"user": grace.id})
	denies(inp, "self_escalation")
}

test_granting_someone_else_access_is_a_normal_change if {
	inp := with_arguments(call(grace, "access_grant", change, team_payments, null), {"user": "user:default/zoe"})
	allows(inp)
}

test_a_policy_tool_may_not_target_an_own_group if {
	inp := with_arguments(call(alice, "policy_update", change, payment_api, "staging"), {"group": "group:default/team-payments"})
	denies(inp, "self_escalation")
}

test_reading_permissions_is_not_a_change if {
	inp := with_arguments(call(alice, "access_list", read, team_payments, null), {"user": alice.id})
	allows(inp)
}
