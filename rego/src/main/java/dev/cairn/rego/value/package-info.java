/**
 * Rego's values: null, booleans, exact numbers, strings, arrays, objects and sets, with
 * OPA's total order, OPA's term syntax for printing, and conversion to and from JSON and
 * plain Java objects. Every value is immutable and safe to share between threads;
 * composites are built once through their builders. "Undefined" is not a value here: it
 * is an outcome of evaluation.
 */
package dev.cairn.rego.value;
