package cov

allow if {
	input.role == "admin"
}

reason := "admin" if {
	allow
} else := "other"

never if {
	input.role == "nobody"
	input.unreached
}
