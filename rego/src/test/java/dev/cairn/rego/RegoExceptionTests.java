package dev.cairn.rego;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegoExceptionTests {

	@Test
	void formatsMessagesTheWayOpaDoes() {
		RegoException error = new RegoException(ErrorCode.PARSE_ERROR, new Location("policy.rego", 3, 7),
				"unexpected ident token");
		assertThat(error).hasMessage("policy.rego:3:7: rego_parse_error: unexpected ident token");
		assertThat(error.code().code()).isEqualTo("rego_parse_error");
		assertThat(new RegoException(ErrorCode.EVAL_CONFLICT_ERROR, null,
				"complete rules must not produce multiple outputs"))
			.hasMessage("eval_conflict_error: complete rules must not produce multiple outputs");
		assertThat(new Location("", 1, 2)).hasToString("1:2");
	}

	@Test
	void positionsAreOneBased() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Location("x", 0, 1));
	}

}
