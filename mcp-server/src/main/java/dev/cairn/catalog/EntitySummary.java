package dev.cairn.catalog;

/**
 * One line's worth of an entity, as catalog tools list it.
 *
 * @param ref the full entity ref
 * @param title the title, or the name when there is none
 * @param type the spec type (service, website, database, team...), if any
 * @param lifecycle the spec lifecycle, if any
 * @param tier the tier label, if any
 * @param owner the owner's ref, if any
 * @param system the system's ref, if any
 * @param description the description, cut to one short sentence's length
 */
public record EntitySummary(String ref, String title, String type, String lifecycle, String tier, String owner,
		String system, String description) {

	static final int DESCRIPTION_LIMIT = 160;

	static EntitySummary of(Catalog catalog, Entity entity) {
		EntityRef owner = catalog.ownerOf(entity);
		EntityRef system = catalog.systemOf(entity);
		return new EntitySummary(entity.ref().toString(), entity.displayName(), entity.type(), entity.lifecycle(),
				entity.tier(), (owner != null) ? owner.toString() : null,
				(system != null && !system.equals(entity.ref())) ? system.toString() : null,
				shorten(entity.metadata().description(), DESCRIPTION_LIMIT));
	}

	static String shorten(String text, int limit) {
		if (text == null) {
			return null;
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() <= limit) ? flat : flat.substring(0, limit - 1) + "…";
	}

	/**
	 * {@code component:payment-api "Payment API" [service, production, tier-1] owner team-payments}.
	 */
	String toLine() {
		StringBuilder line = new StringBuilder(shortRef(this.ref));
		if (!this.title.equalsIgnoreCase(EntityRef.parse(this.ref).name())) {
			line.append(" \"").append(this.title).append('"');
		}
		StringBuilder facts = new StringBuilder();
		for (String fact : new String[] { this.type, this.lifecycle, this.tier }) {
			if (fact != null) {
				facts.append(facts.isEmpty() ? "" : ", ").append(fact);
			}
		}
		if (!facts.isEmpty()) {
			line.append(" [").append(facts).append(']');
		}
		if (this.owner != null) {
			line.append(" owner ").append(shortRef(this.owner));
		}
		if (this.system != null) {
			line.append(", ").append(shortRef(this.system));
		}
		return line.toString();
	}

	static String shortRef(String ref) {
		return EntityRef.parse(ref).toShortString();
	}

}
