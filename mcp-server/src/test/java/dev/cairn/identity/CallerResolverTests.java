package dev.cairn.identity;

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

}
