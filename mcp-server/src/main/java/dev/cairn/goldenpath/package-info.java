/**
 * Golden paths: the templates in {@code golden-paths/} (a definition with a JSON Schema
 * of parameters and an ordered list of steps, and a skeleton), their loading and
 * validation (a broken template is reported with file, field and line, and skipped), the
 * rendering of a skeleton into an in-memory file tree, the planner (a dry run that
 * describes each step's effect as data, writing nothing), and the tools that list,
 * describe and plan them. Steps are data: an action from a closed set with typed inputs,
 * for the run engine to execute and to compare against the plan.
 */
package dev.cairn.goldenpath;
