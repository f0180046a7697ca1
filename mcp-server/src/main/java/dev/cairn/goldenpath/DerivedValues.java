package dev.cairn.goldenpath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ${{ values.* }}} a skeleton may use: text derived from the parameters that a
 * template cannot spell with references alone. The set is fixed, so a template's
 * references are checked when it loads.
 * <ul>
 * <li>{@code javaPackage}: the {@code javaPackage} parameter, else {@code com.acme.} and
 * the name without dashes;</li>
 * <li>{@code javaPackagePath}: that package as a folder path;</li>
 * <li>{@code pascalName}: the name in PascalCase ({@code fraud-scorer} →
 * {@code FraudScorer});</li>
 * <li>{@code ownerName}: the owner without its kind and namespace;</li>
 * <li>{@code dependsOn}: a YAML flow list of the resources the {@code database} and
 * {@code cache} parameters ask for ({@code [resource:default/<name>-db]}), else
 * {@code []}.</li>
 * </ul>
 */
final class DerivedValues {

	static final Set<String> NAMES = Set.of("javaPackage", "javaPackagePath", "pascalName", "ownerName", "dependsOn");

	private DerivedValues() {
	}

	/** The values for validated, defaulted parameters. */
	static Map<String, String> of(Map<String, Object> parameters) {
		String name = String.valueOf(parameters.getOrDefault("name", ""));
		Map<String, String> values = new LinkedHashMap<>();
		Object javaPackage = parameters.get("javaPackage");
		String pkg = (javaPackage != null) ? javaPackage.toString()
				: "com.acme." + name.replace("-", "").toLowerCase(Locale.ROOT);
		values.put("javaPackage", pkg);
		values.put("javaPackagePath", pkg.replace('.', '/'));
		StringBuilder pascal = new StringBuilder();
		for (String part : name.split("-")) {
			if (!part.isEmpty()) {
				pascal.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		values.put("pascalName", pascal.toString());
		String owner = String.valueOf(parameters.getOrDefault("owner", ""));
		values.put("ownerName", owner.substring(Math.max(owner.lastIndexOf(':'), owner.lastIndexOf('/')) + 1));
		List<String> resources = new ArrayList<>();
		if ("postgres".equals(parameters.get("database"))) {
			resources.add("resource:default/" + name + "-db");
		}
		if ("redis".equals(parameters.get("cache"))) {
			resources.add("resource:default/" + name + "-cache");
		}
		values.put("dependsOn", "[" + String.join(", ", resources) + "]");
		return values;
	}

}
