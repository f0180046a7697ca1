package dev.cairn.rego.conformance;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One case of an OPA conformance file, with only the fields the runner understands.
 *
 * @param folder the folder under the root, for example {@code assignments}
 * @param note the case's name
 * @param query the query text
 * @param modules module sources
 * @param data the base document, or {@code null}
 * @param input the input as JSON, or {@code null}
 * @param inputTerm the input in Rego syntax, or {@code null}
 * @param wantResult the expected rows, or {@code null} when an error is expected
 * @param wantErrorCode the expected error code, or {@code null}
 * @param wantError a substring of the expected error message, or {@code null}
 * @param wantDefined whether the query must (or must not) be defined, or {@code null}
 * @param strictError whether builtin errors are fatal
 * @param sortBindings whether arrays in bindings are compared regardless of order
 * @param experimentalKeywords whether the experimental keywords are enabled
 * @param unsupported why the runner cannot run this case, or {@code null}
 */
record ConformanceCase(String folder, String note, String query, List<String> modules, JsonNode data, JsonNode input,
		String inputTerm, List<Map<String, JsonNode>> wantResult, String wantErrorCode, String wantError,
		Boolean wantDefined, boolean strictError, boolean sortBindings, boolean experimentalKeywords,
		String unsupported) {

	/** Whether the case expects an error. */
	boolean expectsError() {
		return this.wantErrorCode != null || this.wantError != null;
	}

}
