package strict_test

test_number_from_text if {
	to_number("ten") == 10
}
