/**
 * The syntax tree of Rego v1 modules and queries, as the parser produces it and the
 * compiler reads it: immutable records and sealed interfaces, every node with its
 * {@link dev.cairn.rego.Location}. Operators are already calls of the builtins they stand
 * for ({@code a + b} is a {@link dev.cairn.rego.ast.Call} of {@code plus}, {@code x := 1}
 * of {@code assign}), as in OPA. Scalars stay source literals (number text, decoded
 * strings); turning them into values is the compiler's job.
 * {@link dev.cairn.rego.ast.Printer} writes any node back as Rego text.
 */
package dev.cairn.rego.ast;
