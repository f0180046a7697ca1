# Production changes to tier-1 services need an approval from the owning group.
package cairn.authz_test

approval_by(who, groups) := {
	"id": "apr-1",
	"approved_by": who,
	"approver_groups": groups,
	"approved_at": "2026-11-21T09:55:00Z",
}

with_approval(inp, approval) := object.union(inp, {"context": {"approval": approval}})

test_an_owner_needs_an_approval_for_tier_1_production if {
	needs_approval_from(call(alice, "deploy_service", change, payment_api, "production"), ["group:default/team-payments"])
}

test_an_agent_acting_for_an_owner_needs_an_approval_too if {
	needs_approval_from(call(agent_for(alice), "deploy_service", change, payment_api, "production"), ["group:default/team-payments"])
}

test_the_approval_document_has_the_documented_shape if {
	d := decide(call(alice, "deploy_service", change, payment_api, "production"))
	d.reasons == ["approval_required"]
	d.approval.reason == "deploy_service on component:default/payment-api in production (tier-1)"
	d.obligations == {}
	contains(d.hint, "group:default/team-payments")
}

test_an_approval_from_another_owner_allows if {
	inp := with_approval(
		call(alice, "deploy_service", change, payment_api, "production"),
		approval_by("user:default/bob", ["group:default/team-payments"]),
	)
	allows(inp)
}

test_a_self_approval_does_not_count if {
	inp := with_approval(
		call(alice, "deploy_service", change, payment_api, "production"),
		approval_by(alice.id, ["group:default/team-payments"]),
	)
	needs_approval_from(inp, ["group:default/team-payments"])
}

test_an_agent_cannot_use_an_approval_by_its_own_user if {
	inp := with_approval(
		call(agent_for(alice), "deploy_service", change, payment_api, "production"),
		approval_by(alice.id, ["group:default/team-payments"]),
	)
	needs_approval_from(inp, ["group:default/team-payments"])
}

test_an_approval_from_outside_the_owning_group_does_not_count if {
	inp := with_approval(
		call(alice, "deploy_service", change, payment_api, "production"),
		approval_by("user:default/dave", ["group:default/team-checkout"]),
	)
	needs_approval_from(inp, ["group:default/team-payments"])
}

test_an_approval_does_not_make_a_non_owner_an_owner if {
	inp := with_approval(
		call(dave, "deploy_service", change, payment_api, "production"),
		approval_by("user:default/bob", ["group:default/team-payments"]),
	)
	denies(inp, "not_owner")
}

test_a_non_owner_is_denied_rather_than_offered_an_approval if {
	denies(call(dave, "deploy_service", change, payment_api, "production"), "not_owner")
}

test_the_approval_tiers_come_from_the_settings if {
	allows(call(alice, "deploy_service", change, payment_api, "production")) with data.cairn.settings.approval_tiers as []
}
