package dev.cairn.goldenpath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.cairn.catalog.EntityRef;

/**
 * Reads the entity a rendered {@code catalog-info.yaml} declares, and whether the catalog
 * already holds one under that ref.
 */
final class CatalogEntryReader {

	private CatalogEntryReader() {
	}

	static PlannedEffect.CatalogRegistration read(RenderedTree tree, String path, Planner.ExistingEntities catalog) {
		RenderedFile file = tree.file(path);
		if (file == null) {
			throw new IllegalStateException(
					tree.template() + ": catalog.register reads " + path + ", which the skeleton does not render");
		}
		Map<String, Object> document;
		try {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.text());
			document = map(loaded);
		}
		catch (YAMLException ex) {
			throw new IllegalStateException(
					tree.template() + ": the rendered " + path + " is not YAML: " + ex.getMessage(), ex);
		}
		Map<String, Object> metadata = map(document.get("metadata"));
		Map<String, Object> spec = map(document.get("spec"));
		String kind = text(document.get("kind"));
		String namespace = (metadata.get("namespace") != null) ? text(metadata.get("namespace"))
				: EntityRef.DEFAULT_NAMESPACE;
		String name = text(metadata.get("name"));
		EntityRef ref = new EntityRef(kind.toLowerCase(java.util.Locale.ROOT), namespace, name);
		String owner = (spec.get("owner") != null)
				? EntityRef.parse(text(spec.get("owner")), "group", namespace).toString() : null;
		String system = (spec.get("system") != null)
				? EntityRef.parse(text(spec.get("system")), "system", namespace).toString() : null;
		Map<String, String> annotations = new LinkedHashMap<>();
		map(metadata.get("annotations")).forEach((key, value) -> annotations.put(key, text(value)));
		String existing = catalog.describe(ref).orElse(null);
		return new PlannedEffect.CatalogRegistration(ref.toString(), kind, namespace, name, owner, system,
				text(spec.get("lifecycle")), annotations, existing);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			((Map<Object, Object>) map).forEach((key, nested) -> out.put(String.valueOf(key), nested));
			return out;
		}
		return Map.of();
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return (value == null) ? null : String.valueOf(value);
	}

}
