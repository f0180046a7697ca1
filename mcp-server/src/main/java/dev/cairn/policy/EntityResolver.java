package dev.cairn.policy;

import java.util.Optional;

/**
 * Where the facts about a tool's target come from (the catalog implements it), so that
 * the policy package needs no feature package to build an input.
 */
@FunctionalInterface
public interface EntityResolver {

	/**
	 * The entity a tool argument names.
	 * @param ref a ref in any form a tool accepts ({@code payment-api},
	 * {@code component:payment-api}, {@code component:default/payment-api})
	 * @return its facts, or empty when the ref is malformed or names no entity
	 */
	Optional<PolicyInput.Target> resolve(String ref);

	/**
	 * Whether any entity is owned by {@code owners} (refs of a principal, the user an
	 * agent acts for, and their groups), so that {@code tools/list} shows changing tools
	 * only to callers who own something they could change. Without a catalog to ask, a
	 * caller in a group is taken to own something.
	 */
	default boolean ownsAny(java.util.Collection<String> owners, boolean inAGroup) {
		return inAGroup;
	}

}
