/**
 * Runs OPA's YAML conformance cases against the engine and reports, folder by folder, how
 * many pass: the measure of how much of OPA's behaviour the engine reproduces. Usable
 * from a main ({@link dev.cairn.rego.conformance.Main}) and from tests.
 */
package dev.cairn.rego.conformance;
