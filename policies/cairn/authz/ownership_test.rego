# Owners (and agents acting for them) change what they own.
package cairn.authz_test

test_an_owner_changes_staging if {
	allows(call(alice, "deploy_service", change, payment_api, "staging"))
}

test_an_owner_changes_a_tier_2_service_in_production if {
	allows(call(alice, "deploy_service", change, ledger, "production"))
}

test_an_agent_acting_for_an_owner_changes_staging if {
	allows(call(agent_for(alice), "deploy_service", change, payment_api, "staging"))
}

test_a_service_in_the_owning_group_changes_staging if {
	allows(call(deploy_bot, "deploy_service", change, payment_api, "staging"))
}

test_a_non_owner_may_not_change if {
	denies(call(dave, "deploy_service", change, payment_api, "staging"), "not_owner")
}

test_an_agent_acting_for_a_non_owner_may_not_change if {
	denies(call(agent_for(dave), "deploy_service", change, payment_api, "staging"), "not_owner")
}

test_an_agents_own_groups_do_not_count if {
	agent := object.union(agent_for(dave), {"groups": ["group:default/team-payments"]})
	denies(call(agent, "deploy_service", change, payment_api, "staging"), "not_owner")
}

test_an_agent_acting_for_nobody_may_not_change if {
	denies(call(lone_agent, "deploy_service", change, payment_api, "staging"), "agent_without_user")
}

test_a_user_changes_what_they_own_themselves if {
	mine := component("scratch", alice.id, "tier-3")
	allows(call(alice, "deploy_service", change, mine, "staging"))
}

test_an_agent_changes_what_its_user_owns if {
	mine := component("scratch", alice.id, "tier-3")
	allows(call(agent_for(alice), "deploy_service", change, mine, "staging"))
}

test_an_entity_without_an_owner_may_not_be_changed if {
	orphan := object.remove(payment_api, ["owner"])
	d := decide(call(alice, "deploy_service", change, orphan, "staging"))
	d.reasons == ["not_owner"]
	contains(d.hint, "its owner")
}

test_a_new_thing_may_be_created_for_an_own_team if {
	inp := with_arguments(call(alice, "goldenpath_scaffold", change, null, null), {"owner": "group:default/team-payments"})
	allows(inp)
}

test_a_new_thing_may_not_be_created_for_another_team if {
	inp := with_arguments(call(dave, "goldenpath_scaffold", change, null, null), {"owner": "group:default/team-payments"})
	denies(inp, "no_target")
}

test_a_change_without_a_target_is_denied if {
	denies(call(alice, "deploy_service", change, null, "staging"), "no_target")
}

test_the_denial_names_the_owner if {
	d := decide(call(dave, "deploy_service", change, payment_api, "staging"))
	contains(d.hint, "group:default/team-payments")
}
