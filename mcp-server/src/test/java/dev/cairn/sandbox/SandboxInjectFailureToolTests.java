package dev.cairn.sandbox;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.identity.Caller;
import dev.cairn.mcp.ToolContext;
import dev.cairn.mcp.ToolInputException;
import dev.cairn.mcp.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The injection tool on its own: its schema, its hints, its answers and its refusals. */
class SandboxInjectFailureToolTests {

	final SandboxInjectFailureTool tool = new SandboxInjectFailureTool(Sandboxes.platform(new Sandboxes.TestClock()));

	@Test
	void isAnIdempotentChangeOfTheServiceItNames() {
		var descriptor = this.tool.descriptor();
		assertThat(descriptor.name()).isEqualTo("sandbox_inject_failure");
		assertThat(descriptor.readOnly()).isFalse();
		assertThat(descriptor.destructive()).isFalse();
		assertThat(descriptor.idempotent()).isTrue();
		assertThat(descriptor.openWorld()).isFalse();
		assertThat(this.tool.target(new SandboxInjectFailureTool.Input("checkout-web", "staging", "none", null)))
			.isEqualTo("component:default/checkout-web");
	}

	@Test
	@SuppressWarnings("unchecked")
	void itsSchemaListsTheFailuresAndEnvironments() {
		Map<String, Object> schema = this.tool.inputSchema();
		Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
		assertThat(((Map<String, Object>) properties.get("failure")).get("enum")).isEqualTo(Failure.wireNames());
		assertThat(((Map<String, Object>) properties.get("environment")).get("enum"))
			.isEqualTo(List.of("staging", "production"));
		assertThat((List<String>) schema.get("required")).containsExactlyInAnyOrder("service", "environment",
				"failure");
	}

	@Test
	void answersWithTheRevisionItDeployed() {
		ToolResult result = this.tool
			.call(new SandboxInjectFailureTool.Input("cart-service", "staging", "readiness-failing", null), context());
		Injection injection = (Injection) result.structured();
		assertThat(result.error()).isFalse();
		assertThat(result.text()).startsWith("cart-service " + injection.revision().version() + " (commit "
				+ injection.revision().commit().substring(0, 7) + " by " + injection.revision().author());
		assertThat(injection.failure()).isEqualTo("readiness-failing");
	}

	@Test
	void badArgumentsNameTheFieldAndWhatIsValid() {
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> this.tool
				.call(new SandboxInjectFailureTool.Input("cart-service", "staging", "boom", null), context()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("failure"))
			.withMessageContaining("the failures are missing-config, oom-killed,");
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> this.tool.call(new SandboxInjectFailureTool.Input("cart-service", "dev", "none", null),
					context()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("environment"));
		assertThatExceptionOfType(ToolInputException.class)
			.isThrownBy(() -> this.tool
				.call(new SandboxInjectFailureTool.Input("group:team-a", "staging", "none", null), context()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("service"))
			.withMessageContaining("is a group, not a component");
		assertThatExceptionOfType(ToolInputException.class).isThrownBy(() -> this.tool.call(
				new SandboxInjectFailureTool.Input("cart-service", "staging", "oom-killed", "payment-api"), context()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("dependency"));
	}

	private static ToolContext context() {
		return new ToolContext() {

			@Override
			public Caller caller() {
				return null;
			}

			@Override
			public void progress(double progress, Double total, String message) {
			}

		};
	}

}
