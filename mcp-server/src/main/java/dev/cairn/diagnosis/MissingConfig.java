package dev.cairn.diagnosis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the words of a program, or of the kubelet, that stopped because a
 * configuration value or secret is missing, and names the key: Spring's unresolved
 * placeholder, "missing required environment variable X", "X is not set", and Kubernetes'
 * {@code CreateContainerConfigError} messages about a ConfigMap or Secret.
 */
final class MissingConfig {

	private static final String KEY = "['\"`]?([A-Za-z_][A-Za-z0-9_.\\-]*[A-Za-z0-9_])['\"`]?";

	private static final List<Pattern> PATTERNS = List.of(
			Pattern.compile("could not resolve placeholder '([^']+)'", Pattern.CASE_INSENSITIVE),
			Pattern.compile("couldn't find key (\\S+) in (?:ConfigMap|Secret) \\S+", Pattern.CASE_INSENSITIVE),
			Pattern.compile("(?:secret|configmap) \"([^\"]+)\" not found", Pattern.CASE_INSENSITIVE),
			Pattern.compile(
					"(?:missing|required)\\s+(?:required\\s+)?(?:configuration|config|environment|env|setting)"
							+ "(?:\\s+(?:value|variable|var|key|property|setting))?\\s+" + KEY,
					Pattern.CASE_INSENSITIVE),
			Pattern.compile(
					"(?:environment variable|env var|config(?:uration)? (?:key|value)|property|setting)\\s+" + KEY
							+ "\\s+(?:is\\s+)?(?:not set|not defined|missing|undefined|required|empty)",
					Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\b([A-Z][A-Z0-9_]{2,})\\s+(?:is\\s+)?(?:not set|must be set|is required|is missing)"));

	private MissingConfig() {
	}

	/**
	 * The missing key a line names.
	 * @return the key, or {@code null} when the line does not say a value is missing
	 */
	static String keyIn(String line) {
		if (line == null) {
			return null;
		}
		for (Pattern pattern : PATTERNS) {
			Matcher matcher = pattern.matcher(line);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return null;
	}

}
