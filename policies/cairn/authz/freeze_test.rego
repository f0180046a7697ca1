# Change freezes: no production changes during a freeze, except by a human who breaks glass.
package cairn.authz_test

year_end := [{"name": "year-end", "start": "2026-11-20T00:00:00Z", "end": "2026-11-23T00:00:00Z"}]

test_a_freeze_stops_production_changes if {
	denies(call(alice, "deploy_service", change, ledger, "production"), "change_freeze") with data.cairn.settings.freezes as year_end
}

test_the_freeze_denial_names_the_window if {
	d := decide(call(alice, "deploy_service", change, ledger, "production")) with data.cairn.settings.freezes as year_end
	contains(d.hint, "year-end until 2026-11-23T00:00:00Z")
}

test_a_freeze_leaves_staging_alone if {
	allows(call(alice, "deploy_service", change, ledger, "staging")) with data.cairn.settings.freezes as year_end
}

test_a_freeze_leaves_reads_alone if {
	allows(call(dave, "telemetry_logs", read, ledger, "production")) with data.cairn.settings.freezes as year_end
}

test_a_freeze_is_over_at_its_end if {
	inp := object.union(call(alice, "deploy_service", change, ledger, "production"), {"context": {"time": "2026-11-23T00:00:00Z"}})
	allows(inp) with data.cairn.settings.freezes as year_end
}

test_a_freeze_has_not_begun_before_its_start if {
	inp := object.union(call(alice, "deploy_service", change, ledger, "production"), {"context": {"time": "2026-11-19T23:59:59Z"}})
	allows(inp) with data.cairn.settings.freezes as year_end
}

test_a_break_glass_user_may_change_production if {
	platform_service := component("gateway", "group:default/team-platform", "tier-2")
	allows(call(grace, "deploy_service", change, platform_service, "production")) with data.cairn.settings.freezes as year_end
}

test_an_agent_acting_for_a_break_glass_user_may_not if {
	platform_service := component("gateway", "group:default/team-platform", "tier-2")
	inp := call(agent_for(grace), "deploy_service", change, platform_service, "production")
	denies(inp, "change_freeze") with data.cairn.settings.freezes as year_end
}

test_a_production_change_at_an_unknown_time_is_denied if {
	inp := object.union(call(alice, "deploy_service", change, ledger, "production"), {"context": {"time": "yesterday"}})
	denies(inp, "invalid_time")
}
