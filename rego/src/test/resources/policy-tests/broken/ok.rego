package ok

test_ok if {
	true
}
