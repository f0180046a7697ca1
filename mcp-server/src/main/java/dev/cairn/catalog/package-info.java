/**
 * The software catalog: Backstage's entity model (kinds, metadata, spec, entity refs),
 * the sources that feed it (a folder of YAML, or a Backstage instance over REST),
 * validation that names file, line and field, relations computed both ways by Backstage's
 * rules, an indexed immutable snapshot with the graph walks behind dependencies and blast
 * radius, and the catalog's MCP tools and resources.
 */
package dev.cairn.catalog;
