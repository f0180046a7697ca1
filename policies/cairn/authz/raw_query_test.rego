# Raw PromQL and LogQL are for the groups in settings.raw_query_groups; everyone else asks
# for named metrics, or for lines by level and text.
package cairn.authz_test

checkout_api := component("checkout-api", "group:default/team-checkout", "tier-1")

query_call(who, tool, args) := with_arguments(call(who, tool, read, checkout_api, "production"), args)

test_a_platform_engineer_may_send_promql if {
	allows(query_call(grace, "metrics_query", {"service": "checkout-api", "environment": "production", "promql": "sum(up)"}))
}

test_a_developer_outside_the_raw_query_groups_may_not_send_promql if {
	denies(query_call(dave, "metrics_query", {"service": "checkout-api", "promql": "sum(up)"}), "raw_query_not_allowed")
}

test_an_agent_may_send_logql_for_a_platform_engineer if {
	allows(query_call(agent_for(grace), "logs_query", {"logql": "{app=\"checkout\"}"}))
}

test_an_agent_may_not_send_logql_for_anyone_else if {
	denies(query_call(agent_for(dave), "logs_query", {"logql": "{app=\"checkout\"}"}), "raw_query_not_allowed")
}

test_an_agents_own_groups_do_not_open_raw_queries if {
	agent := object.union(agent_for(dave), {"groups": ["group:default/team-platform"]})
	denies(query_call(agent, "metrics_query", {"promql": "sum(up)"}), "raw_query_not_allowed")
}

test_named_metrics_and_level_and_text_need_no_group if {
	allows(query_call(dave, "metrics_query", {"metric": "error_rate"}))
	allows(query_call(agent_for(dave), "logs_query", {"level": "error", "text": "timeout"}))
}

test_a_blank_or_null_raw_query_is_no_query if {
	allows(query_call(dave, "metrics_query", {"metric": "cpu", "promql": "  "}))
	allows(query_call(dave, "logs_query", {"logql": null}))
}

test_a_raw_query_that_is_not_a_string_is_still_one if {
	denies(query_call(dave, "metrics_query", {"promql": 42}), "raw_query_not_allowed")
}

test_the_denial_says_what_to_use_instead if {
	metrics := decide(query_call(agent_for(dave), "metrics_query", {"promql": "sum(up)"}))
	metrics.hint == "metrics_query with promql is reserved to members of group:default/team-platform; ask for a named metric instead (metric: error_rate, latency_p99, request_rate, cpu, memory or restarts)"
	logs := decide(query_call(dave, "logs_query", {"logql": "{app=\"x\"}"}))
	contains(logs.hint, "filter by level and text instead of logql")
}

test_other_tools_may_have_an_argument_of_that_name if {
	allows(query_call(dave, "catalog_search", {"promql": "sum(up)", "logql": "{}"}))
}

test_the_query_tools_are_listed_for_everyone if {
	allows(listing(dave, "metrics_query", read))
	allows(listing(agent_for(dave), "logs_query", read))
}

test_without_raw_query_groups_nobody_may if {
	denies(query_call(grace, "metrics_query", {"promql": "sum(up)"}), "raw_query_not_allowed") with data.cairn.settings.raw_query_groups as []
	denies(query_call(grace, "metrics_query", {"promql": "sum(up)"}), "raw_query_not_allowed") with data.cairn.settings as object.remove(data.cairn.settings, ["raw_query_groups"])
}
