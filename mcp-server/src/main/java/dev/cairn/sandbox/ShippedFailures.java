package dev.cairn.sandbox;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Which configured failures come from the properties shipped in the jar (the sandbox
 * profile's {@code checkout-web.staging=missing-config}) rather than from the operator.
 * Those are for the demo organisation: with another catalog that does not deploy their
 * service they are skipped, where a failure the operator set stops the start.
 */
final class ShippedFailures {

	private ShippedFailures() {
	}

	/** The {@code <service>.<environment>} keys whose value the jar's own files set. */
	static Set<String> of(Environment environment, SandboxProperties properties) {
		Set<String> shipped = new HashSet<>();
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		for (Map.Entry<String, Map<String, String>> service : properties.failures().entrySet()) {
			for (String name : service.getValue().keySet()) {
				String key = service.getKey() + "." + name;
				if (ConfigurationPropertyName.isValid(ConfiguredFailures.PREFIX + key)
						&& fromJar(winner(sources, ConfigurationPropertyName.of(ConfiguredFailures.PREFIX + key)))) {
					shipped.add(key);
				}
			}
		}
		return shipped;
	}

	/** The property as the source of highest precedence that has it defines it. */
	private static ConfigurationProperty winner(Iterable<ConfigurationPropertySource> sources,
			ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

	private static boolean fromJar(ConfigurationProperty property) {
		Origin origin = (property != null) ? property.getOrigin() : null;
		while (origin != null) {
			if (origin instanceof TextResourceOrigin text) {
				Resource resource = text.getResource();
				// Spring Boot reads its config files through a wrapper that keeps the
				// origin.
				if (resource instanceof OriginTrackedResource tracked) {
					resource = tracked.getResource();
				}
				return resource instanceof ClassPathResource;
			}
			// A property source's origin wraps the file's own, which says where it was
			// read.
			origin = (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null)
					? wrapper.getOrigin() : origin.getParent();
		}
		return false;
	}

}
