package dev.cairn.telemetry.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Finds misspelt properties under {@code cairn.telemetry.environments} and
 * {@code cairn.telemetry.github}, which binding would ignore: a {@code promethus.url}
 * would otherwise leave an environment without metrics and nobody told.
 */
final class KnownProperties {

	private static final ConfigurationPropertyName ENVIRONMENTS = ConfigurationPropertyName
		.of("cairn.telemetry.environments");

	private static final ConfigurationPropertyName GITHUB = ConfigurationPropertyName.of("cairn.telemetry.github");

	/** Each section's properties, in uniform form (lower case, no dashes). */
	private static final Map<String, Set<String>> SECTIONS = Map.of("kubernetes",
			Set.of("apiserver", "token", "kubeconfig", "context", "namespace", "timeout", "trustcerts", "cafile"),
			"prometheus", Set.of("url", "token", "username", "password", "timeout", "namespace", "queries"), "loki",
			Set.of("url", "token", "username", "password", "tenant", "timeout", "namespace", "selector", "levellabel"),
			"argocd", Set.of("url", "token", "timeout", "appnametemplate", "appnamespace", "project"));

	/** Sections whose properties are maps, one more element deep. */
	private static final Set<String> MAPS = Set.of("queries", "selector");

	private static final Set<String> GITHUB_PROPERTIES = Set.of("apiurl", "token", "timeout");

	private KnownProperties() {
	}

	/** The names under {@code cairn.telemetry} that the environment holds. */
	static Set<ConfigurationPropertyName> in(Environment environment) {
		Set<ConfigurationPropertyName> names = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter((name) -> ENVIRONMENTS.isAncestorOf(name) || GITHUB.isAncestorOf(name))
					.forEach(names::add);
			}
		}
		return names;
	}

	/** Records each name that is no telemetry property. */
	static void check(Iterable<ConfigurationPropertyName> names, Problems problems) {
		for (ConfigurationPropertyName name : names) {
			if (GITHUB.isAncestorOf(name)) {
				if (name.getNumberOfElements() != 4 || !GITHUB_PROPERTIES.contains(name.getElement(3, Form.UNIFORM))) {
					problems.add(name.toString(),
							"is not a property of cairn.telemetry.github, which has api-url, " + "token and timeout");
				}
			}
			else if (ENVIRONMENTS.isAncestorOf(name) && !known(name)) {
				problems.add(name.toString(), "is not a telemetry property; an environment has kubernetes, "
						+ "prometheus, loki and argocd sections (see the README's \"Real backends\")");
			}
		}
	}

	/** {@code cairn.telemetry.environments.<env>.<section>.<property>[.<key>]}. */
	private static boolean known(ConfigurationPropertyName name) {
		int elements = name.getNumberOfElements();
		if (elements < 6) {
			return false;
		}
		Set<String> properties = SECTIONS.get(name.getElement(4, Form.UNIFORM));
		String property = name.getElement(5, Form.UNIFORM);
		if (properties == null || !properties.contains(property)) {
			return false;
		}
		return (elements == 6) ? !MAPS.contains(property) : elements == 7 && MAPS.contains(property);
	}

}
