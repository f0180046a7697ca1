package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpBuiltinsTests {

	@Test
	void neverSendsAndFailsLikeAnUnreachableNetwork() {
		assertThat(Rego.builder()
			.build()
			.prepare("x := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})")
			.evaluate(null)
			.rows()).isEmpty();
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> Rego.builder()
				.strictBuiltinErrors(true)
				.build()
				.prepare("x := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})")
				.evaluate(null))
			.withMessageContaining("eval_builtin_error: http.send: network requests are not supported");
	}

	@Test
	void withoutRaiseErrorAnswersStatusZeroAndTheError() {
		String response = Rego.builder()
			.build()
			.prepare("x := http.send({\"method\": \"get\", \"url\": \"http://h\", \"raise_error\": false})")
			.evaluate(null)
			.rows()
			.get(0)
			.get("x")
			.toString();
		assertThat(response).isEqualTo("{\"error\": {\"code\": \"eval_http_send_network_error\", "
				+ "\"message\": \"network requests are not supported by this engine\"}, \"status_code\": 0}");
		String invalid = Rego.builder()
			.build()
			.prepare("x := http.send({\"method\": \"get\", \"raise_error\": false})")
			.evaluate(null)
			.rows()
			.get(0)
			.get("x")
			.toString();
		assertThat(invalid).contains("eval_http_send_internal_error",
				"missing required request parameters(s): {\\\"url\\\"}");
	}

}
