package dev.cairn.telemetry.loki;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.BackendText;

/**
 * Builds the LogQL for a service's lines: {@code {namespace="shop", app="checkout-api"}
 * |= "text" |~ "<level regex>"}. Every value is escaped for a LogQL double-quoted string
 * (Go's escapes), so neither an annotation nor the caller's text can change the query's
 * shape.
 */
final class LogQl {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-z_]+)");

	private LogQl() {
	}

	/**
	 * @throws IllegalArgumentException when the template is empty or uses a placeholder
	 * that does not exist
	 */
	static void checkTemplate(String label, String template) {
		if (template == null || template.isBlank()) {
			throw new IllegalArgumentException("the stream selector's label " + label + " has no value");
		}
		Matcher placeholder = PLACEHOLDER.matcher(template);
		while (placeholder.find()) {
			String name = placeholder.group(1);
			if (!name.equals("namespace") && !name.equals("workload") && !name.equals("service")
					&& !name.equals("environment")) {
				throw new IllegalArgumentException("unknown placeholder $" + name + " in the stream selector's label "
						+ label + "; known: $namespace, $workload, $service, $environment");
			}
		}
	}

	/** The LogQL for the service's lines, filtered by text and by lowest level. */
	static String build(LokiSettings settings, ServiceTarget target, String level, String text) {
		StringBuilder query = new StringBuilder(selector(settings, target));
		if (text != null && !text.isEmpty()) {
			query.append(" |= \"").append(BackendText.goStringContent(text)).append('"');
		}
		if (level != null && LogLevels.rank(level) > 0) {
			if (settings.levelLabel() != null) {
				query.append(" | ")
					.append(settings.levelLabel())
					.append("=~\"")
					.append(BackendText.goStringContent(LogLevels.labelRegex(level)))
					.append('"');
			}
			else {
				query.append(" |~ \"").append(BackendText.goStringContent(LogLevels.lineRegex(level))).append('"');
			}
		}
		return query.toString();
	}

	/**
	 * {@code {label="value", ...}} from the settings' selector, rendered for the target.
	 */
	static String selector(LokiSettings settings, ServiceTarget target) {
		StringBuilder selector = new StringBuilder("{");
		settings.selector().forEach((label, template) -> {
			String value = render(template, target, settings.defaultNamespace());
			if (value.isEmpty()) {
				throw new IllegalArgumentException(
						"the stream selector's label " + label + " is empty for " + target + "; check its annotations");
			}
			if (selector.length() > 1) {
				selector.append(", ");
			}
			selector.append(label).append("=\"").append(BackendText.goStringContent(value)).append('"');
		});
		return selector.append('}').toString();
	}

	private static String render(String template, ServiceTarget target, String defaultNamespace) {
		Matcher placeholder = PLACEHOLDER.matcher(template);
		StringBuilder value = new StringBuilder();
		while (placeholder.find()) {
			String replacement;
			switch (placeholder.group(1)) {
				case "namespace":
					replacement = target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, defaultNamespace);
					break;
				case "workload":
					replacement = target.kubernetesId();
					break;
				case "service":
					replacement = target.service();
					break;
				default:
					replacement = target.environment();
			}
			placeholder.appendReplacement(value, Matcher.quoteReplacement(replacement));
		}
		placeholder.appendTail(value);
		return value.toString();
	}

}
