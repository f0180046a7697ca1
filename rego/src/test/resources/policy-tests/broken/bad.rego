package bad

allow if {
	input.x ==
}
