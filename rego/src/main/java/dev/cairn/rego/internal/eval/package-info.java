/**
 * The top-down evaluator: bodies, already ordered by the compiler, are solved in order
 * with backtracking over variable bindings, and rules are evaluated on demand when a
 * reference reaches them.
 */
package dev.cairn.rego.internal.eval;
