package dev.cairn.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings ({@code cairn.identity.*}).
 *
 * @param demoUser the catalog ref that unauthenticated local requests act as, when
 * enabled
 * @param localDemo whether unauthenticated loopback HTTP and stdio requests act as
 * {@code demoUser}; the sandbox profile turns it on, production leaves it off
 */
@ConfigurationProperties("cairn.identity")
public record IdentityProperties(String demoUser, boolean localDemo) {

	public IdentityProperties {
		if (demoUser == null || demoUser.isBlank()) {
			demoUser = "user:default/dana.demo";
		}
	}

}
