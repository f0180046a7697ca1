package dev.cairn.goldenpath;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoldenPathPlanToolTests {

	@TempDir
	Path data;

	private GoldenPathPlanTool tool() {
		return new GoldenPathPlanTool(new GoldenPaths(GoldenPathFixtures.SHIPPED, false), new Planner(new Renderer(),
				new GitLocations(this.data.toString(), null, null), (ref) -> Optional.empty()));
	}

	@Test
	void targetsTheFutureComponent() {
		assertThat(tool().target(new GoldenPathPlanTool.Input("go-service", GoldenPathFixtures.fraudScorer(), null)))
			.isEqualTo("component:default/fraud-scorer");
		assertThat(tool().target(new GoldenPathPlanTool.Input("go-service", Map.of("name", "../x"), null))).isNull();
	}

	@Test
	void takesTheOwnerFromTheTopLevelWhenParametersLackIt() {
		Map<String, Object> parameters = new LinkedHashMap<>(GoldenPathFixtures.fraudScorer());
		parameters.remove("owner");
		ToolResult result = tool()
			.call(new GoldenPathPlanTool.Input("go-service", parameters, "group:default/team-risk"), null);
		Plan plan = (Plan) result.structured();
		assertThat(plan.parameters()).containsEntry("owner", "group:default/team-risk");
		assertThat(result.text()).endsWith("nothing was changed.");
	}

	@Test
	void refusesOwnersThatDisagree() {
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> tool().call(
				new GoldenPathPlanTool.Input("go-service", GoldenPathFixtures.fraudScorer(), "group:default/other"),
				null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("owner"));
	}

	@Test
	void refusesInvalidParametersNamingTheFieldAndUnknownTemplates() {
		Map<String, Object> parameters = new LinkedHashMap<>(GoldenPathFixtures.fraudScorer());
		parameters.put("tier", "tier-9");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool().call(new GoldenPathPlanTool.Input("go-service", parameters, null), null))
			.withMessageContaining("parameters.tier: ");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> tool().call(new GoldenPathPlanTool.Input("cobol-service", parameters, null), null))
			.withMessageContaining("no golden path \"cobol-service\"");
	}

}
