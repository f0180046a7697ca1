/**
 * A Rego v1 engine in pure Java. Modules are parsed, compiled once into a prepared query,
 * and evaluated many times, concurrently, with different inputs. Errors carry OPA's codes
 * and positions ({@code file:row:col: rego_parse_error: ...}); nothing but
 * {@link dev.cairn.rego.RegoException} escapes the engine on any input.
 */
package dev.cairn.rego;
