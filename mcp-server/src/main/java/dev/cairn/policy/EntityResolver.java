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

}
