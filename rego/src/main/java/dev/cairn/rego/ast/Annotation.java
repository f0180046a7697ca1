package dev.cairn.rego.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A {@code # METADATA} block: the comment lines right after a {@code # METADATA} line,
 * each starting in column 1, read as YAML.
 *
 * @param location the {@code # METADATA} comment
 * @param scope {@code rule}, {@code document}, {@code package} or {@code subpackages};
 * when the block has no {@code scope}, {@code package} before a package and {@code rule}
 * (or {@code document} with {@code entrypoint: true}) before a rule
 * @param values the YAML mapping, in source order: nested {@link Map}s,
 * {@link java.util.List}s, {@link String}s, {@link Boolean}s, {@link Long}s,
 * {@link Double}s and {@code null}s, as written ({@code authors} and
 * {@code related_resources} are not normalized)
 * @param text the block as written, {@code # METADATA} line included
 */
public record Annotation(Location location, String scope, Map<String, Object> values, String text) implements Node {

	public Annotation {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(scope, "scope");
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		Objects.requireNonNull(text, "text");
	}

	/** A copy with another scope. */
	public Annotation withScope(String scope) {
		return new Annotation(this.location, scope, this.values, this.text);
	}

}
