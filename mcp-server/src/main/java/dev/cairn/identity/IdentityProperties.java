package dev.cairn.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Identity settings ({@code cairn.identity.*}).
 *
 * @param demoUser the catalog ref that unauthenticated local requests act as, when
 * enabled
 * @param localDemo whether unauthenticated loopback HTTP and stdio requests act as
 * {@code demoUser}; the sandbox profile turns it on, production leaves it off
 * @param tokens static API tokens, each mapped to a principal
 */
@ConfigurationProperties("cairn.identity")
public record IdentityProperties(String demoUser, boolean localDemo, List<ApiToken> tokens) {

	@ConstructorBinding
	public IdentityProperties {
		if (demoUser == null || demoUser.isBlank()) {
			demoUser = "user:default/dana.demo";
		}
		tokens = (tokens == null) ? List.of() : List.copyOf(tokens);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			ApiToken token = tokens.get(i);
			if (!names.add(token.name())) {
				throw new IllegalArgumentException(
						"cairn.identity.tokens[" + i + "].name: duplicate token name '" + token.name() + "'");
			}
		}
	}

	/** Settings without API tokens. */
	public IdentityProperties(String demoUser, boolean localDemo) {
		this(demoUser, localDemo, List.of());
	}

}
