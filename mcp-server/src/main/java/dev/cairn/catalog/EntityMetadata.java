package dev.cairn.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity's {@code metadata}, with Backstage's defaults applied (namespace
 * {@code default}, empty collections rather than nulls).
 */
public record EntityMetadata(String name, String namespace, String title, String description,
		Map<String, String> labels, Map<String, String> annotations, List<String> tags, List<EntityLink> links,
		String uid, String etag) {

	public EntityMetadata {
		Objects.requireNonNull(name, "name");
		namespace = (namespace == null || namespace.isBlank()) ? EntityRef.DEFAULT_NAMESPACE : namespace;
		labels = (labels != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(labels)) : Map.of();
		annotations = (annotations != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(annotations)) : Map.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		links = (links != null) ? List.copyOf(links) : List.of();
	}

}
