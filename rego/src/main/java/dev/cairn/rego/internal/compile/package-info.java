/**
 * Turns parsed modules into what the evaluator walks: the tree of rules by their full
 * path under {@code data}, with imports resolved per module.
 */
package dev.cairn.rego.internal.compile;
