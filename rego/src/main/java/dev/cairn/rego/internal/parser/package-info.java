/**
 * The hand-written recursive-descent parser for Rego v1, in layers that follow the
 * grammar: {@code TermParser} (terms and operators), {@code LiteralParser} (literals and
 * bodies), {@code ModuleParser} (packages, imports, rules), with {@code # METADATA}
 * blocks read by {@code Annotations}. {@link dev.cairn.rego.internal.parser.RegoParser}
 * is the way in. Accepts and rejects what OPA 1.x accepts and rejects, with OPA's
 * messages where it matters, and throws nothing but {@link dev.cairn.rego.RegoException}
 * on any input. Internal to the engine.
 */
package dev.cairn.rego.internal.parser;
