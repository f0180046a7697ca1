/**
 * The policy test runner, compatible with {@code opa test}: loads a folder of Rego and
 * data files, runs every {@code test_} rule (reporting {@code todo_test_} rules as
 * skipped), and reports the results as OPA prints them, as JSON, or as a line-coverage
 * report. Usable from a main ({@link dev.cairn.rego.test.Main}) and from JUnit
 * ({@link dev.cairn.rego.test.PolicyTestRunner}).
 */
package dev.cairn.rego.test;
