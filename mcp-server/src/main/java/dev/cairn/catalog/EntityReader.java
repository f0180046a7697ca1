package dev.cairn.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Turns one parsed document into an {@link Entity}, applying Backstage's validation:
 * apiVersion per kind, metadata formats (name, namespace, label and annotation keys,
 * tags, links) and each kind's required spec fields. A violation drops the entity with an
 * error naming the field and its line; the rest of the catalog is unaffected.
 */
final class EntityReader {

	static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

	static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(-[a-z0-9:+#]+)*");

	static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	/**
	 * The outcome for one document: the entity (or {@code null} when it was rejected),
	 * the relations it declares with their locations, and the problems found.
	 */
	record Read(Entity entity, List<PendingRelation> relations, List<CatalogProblem> problems) {
	}

	/**
	 * A declared relation waiting for the whole catalog, to be checked for a dangling
	 * target.
	 */
	record PendingRelation(EntityRef source, RelationType type, EntityRef target, String location) {
	}

	private static final class Invalid extends RuntimeException {

		private final String field;

		Invalid(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

	}

	private EntityReader() {
	}

	/**
	 * @param value the document's value
	 * @param lineOf the line of a field path ({@code metadata.name}); the document's line
	 * for the empty path
	 * @param file the file's display path
	 * @param annotations annotations to add (the managed-by-location ones), unless the
	 * document sets them
	 */
	static Read read(Object value, ToIntFunction<String> lineOf, String file, Map<String, String> annotations) {
		List<CatalogProblem> problems = new ArrayList<>();
		String ref = null;
		try {
			if (!(value instanceof Map<?, ?> raw)) {
				throw new Invalid("", "a catalog document must be a mapping with apiVersion, kind, metadata and spec");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> document = (Map<String, Object>) raw;
			String kind = requiredString(document, "kind");
			String canonicalKind = EntityKinds.canonical(kind);
			if (canonicalKind == null) {
				throw new Invalid("kind", "unknown kind \"" + kind + "\"; Cairn reads "
						+ String.join(", ", EntityKinds.CANONICAL.values().stream().sorted().toList()));
			}
			String apiVersion = requiredString(document, "apiVersion");
			if (!EntityKinds.acceptsApiVersion(kind, apiVersion)) {
				throw new Invalid("apiVersion", "apiVersion \"" + apiVersion + "\" is not valid for kind "
						+ canonicalKind + "; expected " + EntityKinds.acceptedApiVersions(kind));
			}
			Map<String, Object> metadataMap = requiredMap(document, "metadata");
			EntityMetadata metadata = metadata(metadataMap, annotations);
			ref = new EntityRef(canonicalKind, metadata.namespace(), metadata.name()).toString();
			Map<String, Object> spec = spec(document, kind.toLowerCase(Locale.ROOT));
			String origin = file + ":" + lineOf.applyAsInt("");
			Entity entity = new Entity(apiVersion, canonicalKind, metadata, spec, List.of(), origin);
			List<RelationRules.Declared> declared = new ArrayList<>();
			List<RelationRules.Invalid> invalid = new ArrayList<>();
			RelationRules.declaredBy(entity, declared, invalid);
			for (RelationRules.Invalid bad : invalid) {
				problems.add(new CatalogProblem(CatalogProblem.Severity.WARNING,
						file + ":" + lineOf.applyAsInt(bad.field()), ref, bad.field() + ": " + bad.message()));
			}
			List<PendingRelation> relations = new ArrayList<>(declared.size());
			for (RelationRules.Declared relation : declared) {
				relations.add(new PendingRelation(entity.ref(), relation.type(), relation.target(),
						file + ":" + lineOf.applyAsInt(relation.field())));
			}
			return new Read(entity, relations, problems);
		}
		catch (Invalid ex) {
			String where = file + ":" + lineOf.applyAsInt(ex.field);
			String message = ex.field.isEmpty() ? ex.getMessage() : ex.field + ": " + ex.getMessage();
			problems.add(new CatalogProblem(CatalogProblem.Severity.ERROR, where, ref,
					message + "; the entity was not loaded"));
			return new Read(null, List.of(), problems);
		}
	}

	private static EntityMetadata metadata(Map<String, Object> metadata, Map<String, String> extraAnnotations) {
		String name = requiredString(metadata, "name", "metadata.name");
		if (name.length() > 63 || !NAME.matcher(name).matches()) {
			throw new Invalid("metadata.name", "\"" + name
					+ "\" is not a valid name; use 1-63 letters, digits and [-_.], starting and ending with a letter or digit");
		}
		String namespace = optionalString(metadata, "namespace", "metadata.namespace");
		if (namespace != null && (namespace.length() > 63 || !NAMESPACE.matcher(namespace).matches())) {
			throw new Invalid("metadata.namespace", "\"" + namespace
					+ "\" is not a valid namespace; use 1-63 lower-case letters, digits and single dashes");
		}
		Map<String, String> labels = stringMap(metadata, "labels");
		labels.forEach((key, val) -> {
			checkKey("metadata.labels." + key, key);
			if (!val.isEmpty() && (val.length() > 63 || !NAME.matcher(val).matches())) {
				throw new Invalid("metadata.labels." + key, "label value \"" + val
						+ "\" is not valid; use 1-63 letters, digits and [-_.], or an empty string");
			}
		});
		Map<String, String> annotations = stringMap(metadata, "annotations");
		annotations.keySet().forEach((key) -> checkKey("metadata.annotations." + key, key));
		Map<String, String> merged = new LinkedHashMap<>(extraAnnotations);
		merged.putAll(annotations);
		List<String> tags = stringList(metadata, "tags", "metadata.tags");
		for (int i = 0; i < tags.size(); i++) {
			String tag = tags.get(i);
			if (tag.length() > 63 || !TAG.matcher(tag).matches()) {
				throw new Invalid("metadata.tags[" + i + "]", "tag \"" + tag
						+ "\" is not valid; tags are 1-63 characters of [a-z0-9:+#] separated by single dashes");
			}
		}
		return new EntityMetadata(name, namespace, optionalString(metadata, "title", "metadata.title"),
				optionalString(metadata, "description", "metadata.description"), labels, merged, tags, links(metadata),
				optionalString(metadata, "uid", "metadata.uid"), optionalString(metadata, "etag", "metadata.etag"));
	}

	private static List<EntityLink> links(Map<String, Object> metadata) {
		Object value = metadata.get("links");
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new Invalid("metadata.links", "must be a list of {url, title, icon, type}");
		}
		List<EntityLink> links = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String field = "metadata.links[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> rawLink)) {
				throw new Invalid(field, "must be a mapping with at least a url");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> link = (Map<String, Object>) rawLink;
			String url = requiredString(link, "url", field + ".url");
			try {
				if (new URI(url).getScheme() == null) {
					throw new Invalid(field + ".url", "\"" + url + "\" is not an absolute URL");
				}
			}
			catch (URISyntaxException ex) {
				throw new Invalid(field + ".url", "\"" + url + "\" is not a valid URL");
			}
			links.add(new EntityLink(url, optionalString(link, "title", field + ".title"),
					optionalString(link, "icon", field + ".icon"), optionalString(link, "type", field + ".type")));
		}
		return links;
	}

	private static Map<String, Object> spec(Map<String, Object> document, String kind) {
		Object value = document.get("spec");
		if (value == null) {
			if ("location".equals(kind)) {
				throw new Invalid("spec", "is required; a Location needs spec.target or spec.targets");
			}
			throw new Invalid("spec", "is required for kind " + EntityKinds.canonical(kind));
		}
		if (!(value instanceof Map<?, ?> raw)) {
			throw new Invalid("spec", "must be a mapping");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = (Map<String, Object>) raw;
		EntityKinds.REQUIRED_SPEC.getOrDefault(kind, Map.of()).forEach((field, isList) -> {
			if (isList) {
				requiredList(spec, field, "spec." + field);
			}
			else {
				requiredString(spec, field, "spec." + field);
			}
		});
		for (String field : EntityKinds.STRING_LIST_SPEC.getOrDefault(kind, List.of())) {
			stringList(spec, field, "spec." + field);
		}
		for (String field : EntityKinds.STRING_SPEC.getOrDefault(kind, List.of())) {
			String text = optionalString(spec, field, "spec." + field);
			if (text != null && text.isBlank()) {
				throw new Invalid("spec." + field, "must not be empty");
			}
		}
		if ("location".equals(kind) && spec.get("target") == null && spec.get("targets") == null) {
			throw new Invalid("spec", "a Location needs spec.target or spec.targets");
		}
		return spec;
	}

	private static void checkKey(String field, String key) {
		String prefix = null;
		String suffix = key;
		int slash = key.indexOf('/');
		if (slash >= 0) {
			prefix = key.substring(0, slash);
			suffix = key.substring(slash + 1);
		}
		boolean valid = suffix.length() <= 63 && NAME.matcher(suffix).matches() && (prefix == null
				|| (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches() && suffix.indexOf('/') < 0));
		if (!valid) {
			throw new Invalid(field, "key \"" + key
					+ "\" is not valid; use an optional DNS-subdomain prefix and a slash, then 1-63 letters, digits and [-_.]");
		}
	}

	private static String requiredString(Map<String, Object> map, String key) {
		return requiredString(map, key, key);
	}

	private static String requiredString(Map<String, Object> map, String key, String field) {
		Object value = map.get(key);
		if (value == null) {
			throw new Invalid(field, "is required");
		}
		if (!(value instanceof String text)) {
			throw new Invalid(field, "must be a string, found " + describe(value));
		}
		if (text.isBlank()) {
			throw new Invalid(field, "must not be empty");
		}
		return text;
	}

	private static String optionalString(Map<String, Object> map, String key, String field) {
		Object value = map.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new Invalid(field, "must be a string, found " + describe(value));
		}
		return text;
	}

	private static Map<String, Object> requiredMap(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new Invalid(key, "is required");
		}
		if (!(value instanceof Map<?, ?> raw)) {
			throw new Invalid(key, "must be a mapping, found " + describe(value));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) raw;
		return result;
	}

	private static void requiredList(Map<String, Object> map, String key, String field) {
		Object value = map.get(key);
		if (value == null) {
			throw new Invalid(field, "is required (an empty list [] is allowed)");
		}
		if (!(value instanceof List<?>)) {
			throw new Invalid(field, "must be a list, found " + describe(value));
		}
	}

	private static List<String> stringList(Map<String, Object> map, String key, String field) {
		Object value = map.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new Invalid(field, "must be a list of strings, found " + describe(value));
		}
		List<String> strings = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof String text) || text.isBlank()) {
				throw new Invalid(field + "[" + i + "]", "must be a non-empty string, found " + describe(list.get(i)));
			}
			strings.add(text);
		}
		return strings;
	}

	private static Map<String, String> stringMap(Map<String, Object> metadata, String key) {
		Object value = metadata.get(key);
		if (value == null) {
			return new LinkedHashMap<>();
		}
		if (!(value instanceof Map<?, ?> raw)) {
			throw new Invalid("metadata." + key, "must be a mapping of strings, found " + describe(value));
		}
		Map<String, String> strings = new LinkedHashMap<>();
		raw.forEach((k, v) -> {
			if (!(v instanceof String text)) {
				throw new Invalid("metadata." + key + "." + k,
						"must be a string, found " + describe(v) + " (quote it in YAML)");
			}
			strings.put(String.valueOf(k), text);
		});
		return strings;
	}

	private static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map) {
			return "a mapping";
		}
		if (value instanceof List) {
			return "a list";
		}
		if (value instanceof String) {
			return "a string";
		}
		return "\"" + value + "\"";
	}

}
