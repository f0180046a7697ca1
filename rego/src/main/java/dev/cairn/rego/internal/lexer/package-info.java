/**
 * Turns Rego source text into tokens with 1-based rows and columns, the way OPA's scanner
 * does: Go/JSON string escapes, raw strings, numbers with fractions and exponents,
 * comments kept aside for annotations, and template strings ({@code $"..."}) split into
 * parts around their interpolated expressions. Internal to the engine.
 */
package dev.cairn.rego.internal.lexer;
