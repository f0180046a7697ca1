package dev.cairn.telemetry.kubernetes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/**
 * Label selectors evaluated on this side, in both forms Kubernetes has: the structured
 * {@code spec.selector} of a workload, and the string form of {@code kubectl -l} and of
 * Backstage's {@code backstage.io/kubernetes-label-selector} annotation
 * ({@code app=shop,tier in (web,api),!canary}).
 */
final class LabelSelectors {

	private LabelSelectors() {
	}

	/**
	 * Whether the labels satisfy the selector; a selector with no terms matches nothing.
	 */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		Map<String, String> matchLabels = (selector.getMatchLabels() != null) ? selector.getMatchLabels() : Map.of();
		List<LabelSelectorRequirement> expressions = (selector.getMatchExpressions() != null)
				? selector.getMatchExpressions() : List.of();
		if (matchLabels.isEmpty() && expressions.isEmpty()) {
			return false;
		}
		Map<String, String> actual = (labels != null) ? labels : Map.of();
		for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
			if (!wanted.getValue().equals(actual.get(wanted.getKey()))) {
				return false;
			}
		}
		for (LabelSelectorRequirement requirement : expressions) {
			Set<String> values = (requirement.getValues() != null) ? Set.copyOf(requirement.getValues()) : Set.of();
			if (!holds(requirement.getOperator(), requirement.getKey(), values, actual)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the labels satisfy a selector in string form.
	 * @throws IllegalArgumentException when the selector cannot be read
	 */
	static boolean matches(String selector, Map<String, String> labels) {
		Map<String, String> actual = (labels != null) ? labels : Map.of();
		List<String> terms = splitTerms(selector);
		if (terms.isEmpty()) {
			return false;
		}
		for (String term : terms) {
			if (!termHolds(term, actual)) {
				return false;
			}
		}
		return true;
	}

	private static boolean termHolds(String term, Map<String, String> labels) {
		int open = term.indexOf('(');
		if (open > 0 && term.endsWith(")")) {
			String[] head = term.substring(0, open).trim().split("\\s+");
			if (head.length != 2) {
				throw unreadable(term);
			}
			Set<String> values = Arrays.stream(term.substring(open + 1, term.length() - 1).split(","))
				.map(String::trim)
				.filter((value) -> !value.isEmpty())
				.collect(Collectors.toSet());
			String operator = "notin".equals(head[1]) ? "NotIn" : "in".equals(head[1]) ? "In" : null;
			if (operator == null) {
				throw unreadable(term);
			}
			return holds(operator, head[0], values, labels);
		}
		if (term.contains("!=")) {
			String[] parts = term.split("!=", 2);
			return !parts[1].trim().equals(labels.get(parts[0].trim()));
		}
		if (term.contains("=")) {
			String[] parts = term.split("==?", 2);
			return parts[1].trim().equals(labels.get(parts[0].trim()));
		}
		if (term.startsWith("!")) {
			return !labels.containsKey(term.substring(1).trim());
		}
		return labels.containsKey(term);
	}

	private static boolean holds(String operator, String key, Set<String> values, Map<String, String> labels) {
		String actual = labels.get(key);
		if ("In".equals(operator)) {
			return actual != null && values.contains(actual);
		}
		if ("NotIn".equals(operator)) {
			return actual == null || !values.contains(actual);
		}
		if ("Exists".equals(operator)) {
			return actual != null;
		}
		if ("DoesNotExist".equals(operator)) {
			return actual == null;
		}
		throw new IllegalArgumentException("unknown label selector operator " + operator);
	}

	/** Splits on the commas that are not inside a value list. */
	private static List<String> splitTerms(String selector) {
		if (selector == null) {
			return List.of();
		}
		List<String> terms = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < selector.length(); i++) {
			char c = selector.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				terms.add(selector.substring(start, i).trim());
				start = i + 1;
			}
		}
		terms.add(selector.substring(start).trim());
		terms.removeIf(String::isEmpty);
		return terms;
	}

	private static IllegalArgumentException unreadable(String term) {
		return new IllegalArgumentException("cannot read the label selector term '" + term + "'");
	}

}
