package dev.cairn.catalog;

import java.util.List;
import java.util.Locale;

/**
 * Backstage's rules for turning spec fields into relations: which field emits which
 * relation (and its reverse), and which kind a ref without one defaults to. A field
 * without a default kind (dependsOn, dependencyOf) needs refs that name their kind.
 */
final class RelationRules {

	private record Rule(String kind, String field, RelationType type, String defaultKind) {
	}

	private static final List<Rule> RULES = List.of(new Rule("component", "owner", RelationType.OWNED_BY, "group"),
			new Rule("component", "subcomponentOf", RelationType.PART_OF, "component"),
			new Rule("component", "providesApis", RelationType.PROVIDES_API, "api"),
			new Rule("component", "consumesApis", RelationType.CONSUMES_API, "api"),
			new Rule("component", "dependsOn", RelationType.DEPENDS_ON, null),
			new Rule("component", "dependencyOf", RelationType.DEPENDENCY_OF, null),
			new Rule("component", "system", RelationType.PART_OF, "system"),
			new Rule("api", "owner", RelationType.OWNED_BY, "group"),
			new Rule("api", "system", RelationType.PART_OF, "system"),
			new Rule("resource", "owner", RelationType.OWNED_BY, "group"),
			new Rule("resource", "dependsOn", RelationType.DEPENDS_ON, null),
			new Rule("resource", "dependencyOf", RelationType.DEPENDENCY_OF, null),
			new Rule("resource", "system", RelationType.PART_OF, "system"),
			new Rule("system", "owner", RelationType.OWNED_BY, "group"),
			new Rule("system", "domain", RelationType.PART_OF, "domain"),
			new Rule("domain", "owner", RelationType.OWNED_BY, "group"),
			new Rule("domain", "subdomainOf", RelationType.PART_OF, "domain"),
			new Rule("user", "memberOf", RelationType.MEMBER_OF, "group"),
			new Rule("group", "parent", RelationType.CHILD_OF, "group"),
			new Rule("group", "children", RelationType.PARENT_OF, "group"),
			new Rule("group", "members", RelationType.HAS_MEMBER, "user"),
			new Rule("template", "owner", RelationType.OWNED_BY, "group"));

	/**
	 * A relation an entity declares through a spec field.
	 *
	 * @param type the relation from the declaring entity to the target
	 * @param target the target ref, defaults applied
	 * @param field the spec path that declared it, for example {@code spec.dependsOn[2]}
	 */
	record Declared(RelationType type, EntityRef target, String field) {
	}

	/** A ref that could not be read; the relation is skipped. */
	record Invalid(String field, String message) {
	}

	private RelationRules() {
	}

	static void declaredBy(Entity entity, List<Declared> declared, List<Invalid> invalid) {
		String kind = entity.kind().toLowerCase(Locale.ROOT);
		String namespace = entity.metadata().namespace();
		for (Rule rule : RULES) {
			if (!rule.kind().equals(kind)) {
				continue;
			}
			Object value = entity.spec().get(rule.field());
			if (value instanceof String ref) {
				add(rule, ref, "spec." + rule.field(), namespace, declared, invalid);
			}
			else if (value instanceof List<?> refs) {
				for (int i = 0; i < refs.size(); i++) {
					if (refs.get(i) instanceof String ref) {
						add(rule, ref, "spec." + rule.field() + "[" + i + "]", namespace, declared, invalid);
					}
				}
			}
		}
	}

	private static void add(Rule rule, String ref, String field, String namespace, List<Declared> declared,
			List<Invalid> invalid) {
		try {
			declared.add(new Declared(rule.type(), EntityRef.parse(ref, rule.defaultKind(), namespace), field));
		}
		catch (IllegalArgumentException ex) {
			invalid.add(new Invalid(field, ex.getMessage() + "; relation " + rule.type().wireName() + " skipped"));
		}
	}

}
