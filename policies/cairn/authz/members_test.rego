# Members read: read-only tools are open to every identified principal in its tenant.
package cairn.authz_test

test_a_user_reads_what_another_team_owns if {
	allows(call(dave, "catalog_get_entity", read, payment_api, null))
}

test_an_agent_without_a_user_may_read if {
	allows(call(lone_agent, "catalog_search", read, null, null))
}

test_a_service_reads_production if {
	allows(call(deploy_bot, "telemetry_logs", read, payment_api, "production"))
}

test_reads_in_production_need_no_approval if {
	allows(call(dave, "telemetry_logs", read, payment_api, "production"))
}

test_a_principal_without_a_tenant_is_denied if {
	denies(call(object.union(dave, {"tenant": ""}), "catalog_search", read, null, null), "unidentified")
}

test_an_unknown_principal_kind_is_denied if {
	denies(call(object.union(dave, {"kind": "robot"}), "catalog_search", read, null, null), "unidentified")
}

test_no_principal_is_denied if {
	inp := object.remove(call(dave, "catalog_search", read, null, null), ["principal"])
	denies(inp, "unidentified")
}

test_reading_another_tenant_is_denied if {
	elsewhere := object.union(payment_api, {"ref": "component:globex/payment-api", "namespace": "globex"})
	denies(call(dave, "catalog_get_entity", read, elsewhere, null), "other_tenant")
}

test_an_allowed_call_carries_the_redaction_obligation if {
	d := decide(call(dave, "catalog_search", read, null, null)) with data.cairn.settings.redact_fields as ["spec.profile.email"]
	d.obligations == {"redact": ["spec.profile.email"]}
}

test_agents_get_a_result_limit if {
	d := decide(call(agent_for(dave), "catalog_search", read, null, null))
	d.obligations.limit == 100
}

test_humans_get_no_result_limit if {
	d := decide(call(dave, "catalog_search", read, null, null))
	not "limit" in object.keys(d.obligations)
}

test_an_allowed_decision_has_the_documented_shape if {
	decide(call(dave, "catalog_search", read, null, null)) == {
		"allow": true,
		"reasons": [],
		"hint": null,
		"approval": null,
		"obligations": {"redact": []},
	}
}
