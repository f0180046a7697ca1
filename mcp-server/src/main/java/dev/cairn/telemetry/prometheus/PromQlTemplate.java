package dev.cairn.telemetry.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.telemetry.ServiceTarget;
import dev.cairn.telemetry.http.BackendText;

/**
 * A PromQL expression with placeholders for where the service lives, checked once when
 * the settings are made. Placeholders may stand only inside double-quoted strings, and
 * their values are escaped for them, so no annotation value can change the expression's
 * shape. {@code $workload_regex} is the workload name with the regular-expression
 * metacharacters escaped, for use in {@code =~} matchers.
 */
final class PromQlTemplate {

	/** What a placeholder stands for. */
	enum Placeholder {

		/** {@code backstage.io/kubernetes-namespace}, else the settings' default. */
		NAMESPACE,
		/** {@link ServiceTarget#kubernetesId()}. */
		WORKLOAD,
		/** The workload name as a regular expression that matches only itself. */
		WORKLOAD_REGEX,
		/** The component's catalog name. */
		SERVICE,
		/** The environment. */
		ENVIRONMENT;

		String token() {
			return "$" + name().toLowerCase(Locale.ROOT);
		}

		static Placeholder byName(String name) {
			for (Placeholder placeholder : values()) {
				if (placeholder.name().toLowerCase(Locale.ROOT).equals(name)) {
					return placeholder;
				}
			}
			return null;
		}

	}

	private final String source;

	/** Literal text ({@code String}) and placeholders, in order. */
	private final List<Object> parts;

	private PromQlTemplate(String source, List<Object> parts) {
		this.source = source;
		this.parts = parts;
	}

	/**
	 * @throws IllegalArgumentException when a placeholder is unknown or stands outside a
	 * double-quoted string
	 */
	static PromQlTemplate parse(String template) {
		if (template == null || template.isBlank()) {
			throw new IllegalArgumentException("a PromQL template is empty");
		}
		List<Object> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		char quote = 0;
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c == '$' && i + 1 < template.length() && isNameChar(template.charAt(i + 1))) {
				int end = i + 1;
				while (end < template.length() && isNameChar(template.charAt(end))) {
					end++;
				}
				String name = template.substring(i + 1, end);
				Placeholder placeholder = Placeholder.byName(name);
				if (placeholder == null) {
					throw new IllegalArgumentException("unknown placeholder $" + name + " in PromQL template \""
							+ template + "\"; known: $namespace, $workload, $workload_regex, $service, $environment");
				}
				if (quote != '"') {
					throw new IllegalArgumentException("placeholder $" + name + " must stand inside a double-quoted "
							+ "string in PromQL template \"" + template + "\", for example namespace=\"$namespace\"");
				}
				parts.add(literal.toString());
				literal.setLength(0);
				parts.add(placeholder);
				i = end;
				continue;
			}
			literal.append(c);
			if (quote == 0) {
				if (c == '"' || c == '\'' || c == '`') {
					quote = c;
				}
				else if (c == '#') {
					int newline = template.indexOf('\n', i);
					int end = (newline < 0) ? template.length() : newline;
					literal.append(template, i + 1, end);
					i = end;
					continue;
				}
			}
			else if (c == '\\' && quote != '`' && i + 1 < template.length()) {
				literal.append(template.charAt(i + 1));
				i += 2;
				continue;
			}
			else if (c == quote) {
				quote = 0;
			}
			i++;
		}
		if (quote != 0) {
			throw new IllegalArgumentException("unterminated string in PromQL template \"" + template + "\"");
		}
		parts.add(literal.toString());
		return new PromQlTemplate(template, List.copyOf(parts));
	}

	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || c == '_';
	}

	/** The expression for this service, each value escaped for its string literal. */
	String render(ServiceTarget target, String defaultNamespace) {
		StringBuilder expression = new StringBuilder();
		for (Object part : this.parts) {
			if (part instanceof String text) {
				expression.append(text);
			}
			else {
				expression.append(BackendText.goStringContent(value((Placeholder) part, target, defaultNamespace)));
			}
		}
		return expression.toString();
	}

	private static String value(Placeholder placeholder, ServiceTarget target, String defaultNamespace) {
		switch (placeholder) {
			case NAMESPACE:
				return target.annotation(ServiceTarget.KUBERNETES_NAMESPACE, defaultNamespace);
			case WORKLOAD:
				return target.kubernetesId();
			case WORKLOAD_REGEX:
				return escapeRegex(target.kubernetesId());
			case SERVICE:
				return target.service();
			default:
				return target.environment();
		}
	}

	/** The text as an RE2 regular expression that matches exactly it. */
	static String escapeRegex(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	@Override
	public String toString() {
		return this.source;
	}

}
