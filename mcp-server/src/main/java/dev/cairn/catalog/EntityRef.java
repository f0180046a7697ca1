package dev.cairn.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to an entity, {@code kind:namespace/name}. Refs compare case-insensitively,
 * as in Backstage, so all three parts are kept lower case; the declared spelling of a
 * name lives in the entity's metadata.
 */
public record EntityRef(String kind, String namespace, String name) implements Comparable<EntityRef> {

	public static final String DEFAULT_NAMESPACE = "default";

	public EntityRef {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(namespace, "namespace");
		Objects.requireNonNull(name, "name");
		kind = kind.toLowerCase(Locale.ROOT);
		namespace = namespace.toLowerCase(Locale.ROOT);
		name = name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a full ref.
	 * @throws IllegalArgumentException if kind or name is missing
	 */
	public static EntityRef parse(String ref) {
		return parse(ref, null, DEFAULT_NAMESPACE);
	}

	/**
	 * Parses a ref in any of Backstage's forms: {@code name}, {@code kind:name},
	 * {@code namespace/name}, {@code kind:namespace/name}.
	 * @param defaultKind the kind when the ref has none, or {@code null} if a kind is
	 * required
	 * @param defaultNamespace the namespace when the ref has none
	 * @throws IllegalArgumentException with a message saying what is missing
	 */
	public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
		if (ref == null || ref.isBlank()) {
			throw new IllegalArgumentException("entity ref is empty");
		}
		String rest = ref.trim();
		String kind = defaultKind;
		int colon = rest.indexOf(':');
		if (colon >= 0) {
			kind = rest.substring(0, colon);
			rest = rest.substring(colon + 1);
		}
		String namespace = defaultNamespace;
		int slash = rest.indexOf('/');
		if (slash >= 0) {
			namespace = rest.substring(0, slash);
			rest = rest.substring(slash + 1);
		}
		if (kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("entity ref \"" + ref
					+ "\" has no kind; write it with one, for example \"component:" + ref.trim() + "\"");
		}
		if (namespace == null || namespace.isBlank()) {
			throw new IllegalArgumentException("entity ref \"" + ref + "\" has an empty namespace");
		}
		if (rest.isBlank()) {
			throw new IllegalArgumentException("entity ref \"" + ref + "\" has no name");
		}
		if (rest.indexOf(':') >= 0 || rest.indexOf('/') >= 0) {
			throw new IllegalArgumentException("entity ref \"" + ref + "\" is not of the form kind:namespace/name");
		}
		return new EntityRef(kind, namespace, rest);
	}

	@Override
	public int compareTo(EntityRef other) {
		int byKind = this.kind.compareTo(other.kind);
		if (byKind != 0) {
			return byKind;
		}
		int byNamespace = this.namespace.compareTo(other.namespace);
		return (byNamespace != 0) ? byNamespace : this.name.compareTo(other.name);
	}

	@Override
	public String toString() {
		return this.kind + ":" + this.namespace + "/" + this.name;
	}

	/**
	 * The shortest form that still identifies the entity: {@code kind:name} in the
	 * default namespace.
	 */
	public String toShortString() {
		return DEFAULT_NAMESPACE.equals(this.namespace) ? this.kind + ":" + this.name : toString();
	}

}
