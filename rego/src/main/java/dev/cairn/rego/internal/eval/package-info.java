/**
 * The top-down evaluator: bodies are solved left to right with backtracking over variable
 * bindings, and rules are evaluated on demand when a reference reaches them.
 */
package dev.cairn.rego.internal.eval;
