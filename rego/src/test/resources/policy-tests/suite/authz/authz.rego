package authz

default allow := false

allow if {
	is_admin(input.user)
}

allow if {
	input.action == "read"
	input.user in data.roles.viewers
}

is_admin(user) if {
	user in data.roles.admins
}

max_sessions := data.config.settings.max_sessions
