package dev.cairn.policy;

/**
 * Evaluates the decision entrypoint for one input. Implementations answer with the raw
 * document and leave its reading to {@link DecisionMapper}, so that every engine means
 * the same thing by the same document.
 */
interface PolicyEngine {

	/**
	 * Evaluates the entrypoint.
	 * @return the document (with a {@code null} result when the entrypoint is undefined)
	 * @throws PolicyUnavailableException when the engine cannot answer: no policy loaded,
	 * an evaluation error, a timeout, an unreachable or misbehaving server
	 */
	DecisionDocument evaluate(PolicyInput input);

	/** The revision the next decision would come from, or {@code none}. */
	String revision();

	/** A short description for health and logs, for example {@code rego policies/}. */
	String describe();

	/**
	 * Calls {@code listener} each time another revision starts serving. Engines that
	 * learn of revisions only from their answers (an OPA server) never call it.
	 */
	default void onNewRevision(Runnable listener) {
	}

}
