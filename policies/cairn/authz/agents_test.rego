# Agents may not run destructive actions on production.
package cairn.authz_test

test_an_agent_may_not_destroy_in_production if {
	denies(call(agent_for(alice), "deploy_rollback", destroy, ledger, "production"), "agent_destructive_in_production")
}

test_an_approval_does_not_let_an_agent_destroy_in_production if {
	inp := object.union(call(agent_for(alice), "deploy_rollback", destroy, payment_api, "production"), {"context": {"approval": {
		"id": "apr-2",
		"approved_by": "user:default/bob",
		"approver_groups": ["group:default/team-payments"],
		"approved_at": "2026-11-21T09:55:00Z",
	}}})
	denies(inp, "agent_destructive_in_production")
}

test_an_agent_may_destroy_in_staging_for_an_owner if {
	allows(call(agent_for(alice), "deploy_rollback", destroy, payment_api, "staging"))
}

test_a_human_owner_may_destroy_in_production if {
	allows(call(alice, "deploy_rollback", destroy, ledger, "production"))
}

test_the_agent_denial_tells_what_to_do if {
	d := decide(call(agent_for(alice), "deploy_rollback", destroy, ledger, "production"))
	contains(d.hint, "a human owner can run it")
}

test_every_denial_is_reported if {
	d := decide(call(agent_for(dave), "deploy_rollback", destroy, ledger, "production"))
	d.reasons == ["agent_destructive_in_production", "not_owner"]
}
