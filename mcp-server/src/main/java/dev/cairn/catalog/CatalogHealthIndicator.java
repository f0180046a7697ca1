package dev.cairn.catalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The catalog's part of {@code /actuator/health}: where it loads from, how much it holds,
 * and how many problems the last load found. A catalog whose source failed before
 * anything loaded is down; one that serves a last good snapshot after a failed reload is
 * up, with the error in the details.
 */
@Component("catalog")
@ConditionalOnWebApplication
class CatalogHealthIndicator implements HealthIndicator {

	private final CatalogService catalogs;

	CatalogHealthIndicator(CatalogService catalogs) {
		this.catalogs = catalogs;
	}

	@Override
	public Health health() {
		Catalog catalog = this.catalogs.current();
		String sourceError = catalog.problems()
			.stream()
			.filter((problem) -> problem.location().equals(this.catalogs.source().describe()))
			.map(CatalogProblem::message)
			.findFirst()
			.orElse(null);
		Health.Builder health = (sourceError != null && catalog.entities().isEmpty()) ? Health.down() : Health.up();
		health.withDetail("source", this.catalogs.source().describe())
			.withDetail("entities", catalog.entities().size())
			.withDetail("relations", catalog.relationCount())
			.withDetail("problems", catalog.problems().size())
			.withDetail("loadedAt", catalog.loadedAt().toString());
		if (sourceError != null) {
			health.withDetail("error", sourceError);
		}
		return health.build();
	}

}
