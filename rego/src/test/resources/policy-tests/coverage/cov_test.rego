package cov_test

import data.cov

test_allow if {
	cov.allow with input as {"role": "admin"}
}

test_never if {
	not cov.never with input as {"role": "admin"}
}
