/**
 * Turns parsed modules into what the evaluator walks: checks them as OPA's compiler does
 * (unsafe variables, recursion, rule conflicts, undefined functions, ...), orders every
 * body for safety once, and arranges the rules in a tree by their full path under
 * {@code data}.
 */
package dev.cairn.rego.internal.compile;
