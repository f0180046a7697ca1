package dev.cairn.mcp;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultRedactionTests {

	private static final String TOKEN = "ghp_" + "Zx81Qp0Lm2Nc7Rt5Vb3Kd9Wf4Hy6Js1Ua8Eg";

	private static final String PASSWORD = "Tr0ub4dor-and-3";

	@Test
	void aSuccessfulResultLeavesTheGatewayWithItsSecretsMaskedEverywhere() {
		ToolResult result = ToolResult
			.ok("2026-11-21T10:00:00Z ERROR clone failed with token " + TOKEN,
					Map.of("lines", List.of(Map.of("message", "token " + TOKEN)), "env",
							Map.of("DB_PASSWORD", PASSWORD, "DB_HOST", "db.internal")))
			.withContent(new ToolContent.Resource("cairn://log", "text/plain", "postgres://app:" + PASSWORD + "@db/x"));

		ToolResult redacted = GuardedToolHandler.redacted(result);

		String everything = redacted.text() + redacted.structured() + redacted.extraContent();
		assertThat(everything).doesNotContain(TOKEN, PASSWORD).contains("db.internal", "clone failed with token");
		assertThat(redacted.error()).isFalse();
	}

}
