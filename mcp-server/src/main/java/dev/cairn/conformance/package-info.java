/**
 * Fixtures for the MCP conformance suite, served only under the {@code conformance}
 * profile: tools, resources, prompts and completions with the names and answers the
 * suite's scenarios expect. Tools are ordinary {@link dev.cairn.mcp.CairnTool} beans, so
 * they reach clients through the same registrar and guard as every other tool and the
 * suite exercises that path too. Nothing here is part of the product.
 */
package dev.cairn.conformance;
