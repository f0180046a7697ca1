package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.policy.Decision;

/**
 * Applies a policy's {@code redact} obligation to a tool's result. Each path is
 * dot-separated ({@code spec.profile.email}) and matched from every object in the
 * structured result, through lists, so one path covers an entity wherever a result nests
 * it. A matched field is removed from the structured content, and the values it held
 * (strings of at least {@value #MIN_MASKED} characters, numbers of as many digits) are
 * masked wherever the text, or embedded text content, repeats them. Shorter values and
 * booleans are removed from the structured content only: masking them in prose would
 * mangle unrelated words.
 */
final class ResultObligations {

	/** What a value removed by policy is replaced with in text. */
	static final String MASK = "[redacted by policy]";

	static final int MIN_MASKED = 4;

	private ResultObligations() {
	}

	static ToolResult apply(ToolResult result, Decision.Obligations obligations) {
		if (obligations.redact().isEmpty() || result.error()) {
			return result;
		}
		List<String[]> paths = obligations.redact().stream().map((path) -> path.split("\\.")).toList();
		Set<String> removed = new LinkedHashSet<>();
		Map<String, Object> structured = null;
		if (result.structured() != null) {
			structured = ToolResultMapper.toObject(result.structured());
			redactEverywhere(structured, paths, removed);
		}
		if (removed.isEmpty()) {
			return (structured != null) ? new ToolResult(result.text(), structured, false, result.extraContent())
					: result;
		}
		// Longest first, so that a value containing another is masked whole.
		List<String> values = new ArrayList<>(removed);
		values.sort(Comparator.comparingInt(String::length).reversed());
		return result.withTexts((text) -> mask(text, values), structured);
	}

	private static void redactEverywhere(Object node, List<String[]> paths, Set<String> removed) {
		if (node instanceof Map<?, ?> map) {
			for (String[] path : paths) {
				redactPath(map, path, 0, removed);
			}
			for (Object child : map.values()) {
				redactEverywhere(child, paths, removed);
			}
		}
		else if (node instanceof List<?> list) {
			for (Object element : list) {
				redactEverywhere(element, paths, removed);
			}
		}
	}

	private static void redactPath(Object node, String[] path, int at, Set<String> removed) {
		if (node instanceof List<?> list) {
			for (Object element : list) {
				redactPath(element, path, at, removed);
			}
			return;
		}
		if (!(node instanceof Map<?, ?> map) || !map.containsKey(path[at])) {
			return;
		}
		if (at == path.length - 1) {
			collect(map.remove(path[at]), removed);
			return;
		}
		redactPath(map.get(path[at]), path, at + 1, removed);
	}

	private static void collect(Object value, Set<String> removed) {
		if (value instanceof Map<?, ?> map) {
			map.values().forEach((child) -> collect(child, removed));
		}
		else if (value instanceof List<?> list) {
			list.forEach((child) -> collect(child, removed));
		}
		else if (value instanceof String || value instanceof Number) {
			String text = value.toString();
			if (text.length() >= MIN_MASKED) {
				removed.add(text);
			}
		}
	}

	private static String mask(String text, List<String> values) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String value : values) {
			masked = masked.replace(value, MASK);
		}
		return masked;
	}

}
