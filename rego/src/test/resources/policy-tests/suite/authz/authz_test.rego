package authz_test

import data.authz

test_admin_may_write if {
	authz.allow with input as {"user": "alice", "action": "write"}
}

test_viewer_may_read if {
	authz.allow with input as {"user": "bob", "action": "read"}
}

test_sessions_from_yaml if {
	authz.max_sessions == 3
}

# A function mock: everyone is an admin.
test_function_mock if {
	authz.allow with input as {"user": "mallory", "action": "write"} with authz.is_admin as true
}

# A data mock: mallory becomes a viewer.
test_data_mock if {
	authz.allow with input as {"user": "mallory", "action": "read"} with data.roles.viewers as ["mallory"]
}

test_viewer_may_write if {
	authz.allow with input as {"user": "bob", "action": "write"}
}

test_same_name if {
	true
}

test_same_name if {
	false
}

conflicting := x if {
	x := input.a
}

conflicting := x if {
	x := input.b
}

test_conflict if {
	conflicting == 1 with input as {"a": 1, "b": 2}
}

todo_test_pending if {
	false
}
