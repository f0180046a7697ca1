# tools/list: a tool is shown when some call to it could be permitted (allowed, or
# allowed after approval).
package cairn.authz_test

test_read_only_tools_are_listed_for_everyone if {
	allows(listing(lone_agent, "catalog_search", read))
}

test_changing_tools_are_listed_for_group_members if {
	allows(listing(dave, "deploy_service", change))
}

test_destructive_tools_are_listed_for_agents_acting_for_a_member if {
	allows(listing(agent_for(dave), "deploy_rollback", destroy))
}

test_changing_tools_are_hidden_from_an_agent_acting_for_nobody if {
	denies(listing(lone_agent, "deploy_service", change), "agent_without_user")
}

test_changing_tools_are_hidden_from_a_group_member_who_owns_nothing if {
	d := decide(object.union(listing(dave, "deploy_service", change), {"context": {"owns_entities": false}}))
	d.allow == false
	d.reasons == ["not_permitted"]
}

test_changing_tools_are_hidden_from_a_caller_in_no_group if {
	d := decide(listing(user("zoe", []), "deploy_service", change))
	d.allow == false
	d.reasons == ["not_permitted"]
}

test_nothing_is_listed_for_an_unidentified_caller if {
	denies(listing(object.union(dave, {"id": ""}), "catalog_search", read), "unidentified")
}
