package dev.cairn.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerResolverTests {

	private final CallerResolver sandbox = new CallerResolver(new IdentityProperties("user:default/dana", true));

	private final CallerResolver production = new CallerResolver(new IdentityProperties("user:default/dana", false));

	@Test
	void unauthenticatedLoopbackAndStdioActAsTheDemoDeveloperInTheSandbox() {
		for (String address : new String[] { "127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "127.0.0.2" }) {
			Caller caller = this.sandbox.resolveMcp(new RequestFacts(RequestFacts.HTTP, address, null), "claude/1.0");
			assertThat(caller.principal()).isEqualTo("user:default/dana");
			assertThat(caller.agentClient()).isEqualTo("claude/1.0");
			assertThat(caller.channel()).isEqualTo(Caller.Channel.MCP);
		}
		assertThat(this.sandbox.resolveMcp(RequestFacts.stdio(), null).authentication()).isEqualTo("local-demo:stdio");
	}

	@Test
	void remoteCallersWithoutCredentialsAreRefused() {
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.sandbox.resolveMcp(new RequestFacts(RequestFacts.HTTP, "10.1.2.3", null), null))
			.withMessageContaining("10.1.2.3");
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.sandbox.resolveMcp(new RequestFacts(RequestFacts.HTTP, "localhost", null), null));
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.sandbox.resolveMcp(new RequestFacts(RequestFacts.HTTP, null, null), null));
	}

	@Test
	void theDemoIdentityIsOffOutsideTheSandbox() {
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.production.resolveMcp(new RequestFacts(RequestFacts.HTTP, "127.0.0.1", null), null));
		assertThatExceptionOfType(UnauthenticatedException.class)
			.isThrownBy(() -> this.production.resolveMcp(RequestFacts.stdio(), null));
	}

	@Test
	void credentialsAreNeverIgnoredSilently() {
		assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(
				() -> this.sandbox.resolveMcp(new RequestFacts(RequestFacts.HTTP, "127.0.0.1", "Bearer abc"), null));
	}

	@Test
	void apiTokensMapToTheirPrincipalsAndAgentsCarryTheUserTheyActFor() {
		CallerResolver resolver = new CallerResolver(new IdentityProperties("user:default/dana", false,
				List.of(new ApiToken("release-bot", null, "s3cret-release-bot-token", "agent:default/release-bot",
						Caller.PrincipalKind.AGENT, "user:default/ana"),
						new ApiToken("ana-laptop", ApiToken.hex("ana-personal-token-0001"), null, "user:default/ana",
								Caller.PrincipalKind.USER, null))));
		Caller agent = resolver.resolveMcp(http("Bearer s3cret-release-bot-token"), "claude-code/2.1");
		assertThat(agent.principal()).isEqualTo("agent:default/release-bot");
		assertThat(agent.kind()).isEqualTo(Caller.PrincipalKind.AGENT);
		assertThat(agent.onBehalfOf()).isEqualTo("user:default/ana");
		assertThat(agent.agentClient()).isEqualTo("claude-code/2.1");
		assertThat(agent.authentication()).isEqualTo("api-token:release-bot");
		Caller user = resolver.resolveMcp(http("bearer   ana-personal-token-0001"), null);
		assertThat(user.principal()).isEqualTo("user:default/ana");
		assertThat(user.onBehalfOf()).isNull();
		for (String refused : new String[] { "Bearer s3cret-release-bot-tokeN", "Basic YW5hOnB3", "Bearer" }) {
			assertThatExceptionOfType(UnauthenticatedException.class).as(refused)
				.isThrownBy(() -> resolver.resolveMcp(http(refused), null));
		}
	}

	@Test
	void tokenSettingsAreValidatedWithTheFieldAtFault() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ApiToken("bot", null, "0123456789abcdef", "agent:default/bot",
					Caller.PrincipalKind.AGENT, null))
			.withMessage("cairn.identity.tokens[bot].acting-for is required for an agent token");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ApiToken("short", null, "abc", "user:default/ana", Caller.PrincipalKind.USER, null))
			.withMessageContaining("at least 16 characters");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ApiToken("both", "ab", "0123456789abcdef", "user:default/ana",
					Caller.PrincipalKind.USER, null))
			.withMessage("cairn.identity.tokens[both]: set exactly one of sha256 and token");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ApiToken("ref", null, "0123456789abcdef", "ana", Caller.PrincipalKind.USER, null))
			.withMessageContaining("cairn.identity.tokens[ref].principal");
		ApiToken token = new ApiToken("x", null, "0123456789abcdef", "user:default/ana", Caller.PrincipalKind.USER,
				null);
		assertThat(token.toString()).doesNotContain("0123456789abcdef");
		assertThat(token.token()).isNull();
	}

	private static RequestFacts http(String authorization) {
		return new RequestFacts(RequestFacts.HTTP, "10.0.0.7", authorization);
	}

}
