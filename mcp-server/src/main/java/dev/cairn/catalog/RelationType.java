package dev.cairn.catalog;

/**
 * Backstage's built-in relation types, each with its reverse.
 */
public enum RelationType {

	OWNED_BY("ownedBy", "ownerOf"), OWNER_OF("ownerOf", "ownedBy"), DEPENDS_ON("dependsOn", "dependencyOf"),
	DEPENDENCY_OF("dependencyOf", "dependsOn"), PROVIDES_API("providesApi", "apiProvidedBy"),
	API_PROVIDED_BY("apiProvidedBy", "providesApi"), CONSUMES_API("consumesApi", "apiConsumedBy"),
	API_CONSUMED_BY("apiConsumedBy", "consumesApi"), PART_OF("partOf", "hasPart"), HAS_PART("hasPart", "partOf"),
	MEMBER_OF("memberOf", "hasMember"), HAS_MEMBER("hasMember", "memberOf"), CHILD_OF("childOf", "parentOf"),
	PARENT_OF("parentOf", "childOf");

	private final String wireName;

	private final String reverseName;

	RelationType(String wireName, String reverseName) {
		this.wireName = wireName;
		this.reverseName = reverseName;
	}

	/** The name used in entities' {@code relations}, for example {@code ownedBy}. */
	public String wireName() {
		return this.wireName;
	}

	public String reverseName() {
		return this.reverseName;
	}

}
