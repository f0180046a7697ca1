/**
 * Guardrails: one decision for every action, by humans and agents alike.
 * {@link dev.cairn.policy.PolicyInputs} turns a caller and a tool call into a
 * {@link dev.cairn.policy.PolicyInput} (groups and the target entity come through the
 * {@link dev.cairn.policy.GroupResolver} and {@link dev.cairn.policy.EntityResolver}
 * ports that the catalog implements); {@link dev.cairn.policy.PolicyService} asks the
 * engine (in-process Rego over the {@code policies/} folder, reloaded on change, or an
 * OPA server over its REST Data API) and reads its answer with one mapping into a
 * {@link dev.cairn.policy.Decision}: allow with obligations, deny with reasons and a
 * hint, or require approval. Everything that goes wrong denies (fail closed) and turns
 * readiness down. Features and the MCP wiring use this package; it uses none of them.
 */
package dev.cairn.policy;
