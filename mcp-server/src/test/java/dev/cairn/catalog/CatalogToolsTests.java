package dev.cairn.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog tools' answers on the demo organisation, checked against the catalog itself
 * rather than against remembered numbers.
 */
class CatalogToolsTests {

	private final Catalog demo = TestCatalogs.demo();

	@Test
	void searchCombinesEveryFilter() {
		List<Entity> tier1Services = CatalogSearch.search(this.demo,
				new CatalogSearch.Query(null, "Component", "service", null, null, null, "production", "tier-1", null));
		assertThat(tier1Services).isNotEmpty()
			.allSatisfy((entity) -> assertThat(entity.tier()).isEqualTo("tier-1"))
			.allSatisfy((entity) -> assertThat(entity.type()).isEqualTo("service"))
			.allSatisfy((entity) -> assertThat(entity.lifecycle()).isEqualTo("production"));
		EntityRef commerce = EntityRef.parse("domain:default/commerce");
		assertThat(CatalogSearch.search(this.demo,
				new CatalogSearch.Query(null, "Component", null, null, null, commerce, null, null, null)))
			.isNotEmpty()
			.allSatisfy((entity) -> assertThat(this.demo.domainOf(entity)).isEqualTo(commerce));
		assertThat(CatalogSearch.search(this.demo,
				new CatalogSearch.Query(null, null, null, null, null, null, null, null, List.of("pci"))))
			.isNotEmpty()
			.allSatisfy((entity) -> assertThat(entity.metadata().tags()).contains("pci"));
	}

	@Test
	void freeTextNeedsEveryWordAndRanksNameMatchesFirst() {
		List<Entity> hits = CatalogSearch.search(this.demo,
				new CatalogSearch.Query("payment api", null, null, null, null, null, null, null, null));
		assertThat(hits.get(0).ref()).hasToString("component:default/payment-api");
		assertThat(CatalogSearch.search(this.demo,
				new CatalogSearch.Query("payment zebra", null, null, null, null, null, null, null, null)))
			.isEmpty();
	}

	@Test
	void blastRadiusCountsAreConsistentWithTheWalkAndListTheMostCriticalFirst() {
		Entity db = this.demo.find(EntityRef.parse("resource:default/payments-db")).orElseThrow();
		CatalogBlastRadiusTool.Output output = CatalogBlastRadiusTool.blastRadius(this.demo, db, 200);
		CatalogGraph.Walk walk = this.demo.graph()
			.walk(this.demo.idOf(db.ref()), CatalogGraph.Direction.UPSTREAM, Integer.MAX_VALUE);
		int apis = 0;
		for (int i = 0; i < walk.reached; i++) {
			apis += "API".equals(this.demo.get(walk.order[i]).kind()) ? 1 : 0;
		}
		assertThat(output.apis()).isEqualTo(apis);
		assertThat(output.total()).isEqualTo(walk.reached - apis);
		assertThat(output.dependents()).hasSize(output.total()).noneMatch((d) -> d.entity().ref().startsWith("api:"));
		assertThat(output.byTier().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(output.total());
		Map<String, Integer> owners = new HashMap<>();
		output.dependents().forEach((d) -> owners.merge(d.entity().owner(), 1, Integer::sum));
		assertThat(output.byOwner()).isEqualTo(sortedByCount(owners, output.byOwner()));
		List<Integer> ranks = output.dependents()
			.stream()
			.map((d) -> EntityFacets.tierRank(d.entity().tier()))
			.toList();
		assertThat(ranks).isSorted();
		assertThat(output.dependents()).allSatisfy((dependent) -> {
			assertThat(dependent.path().get(0)).isEqualTo(dependent.entity().ref());
			assertThat(dependent.path().get(dependent.path().size() - 1)).isEqualTo("resource:default/payments-db");
			assertThat(dependent.distance()).isPositive();
		});
		assertThat(output.direct())
			.isEqualTo((int) output.dependents().stream().filter((d) -> d.distance() == 1).count());
	}

	@Test
	void blastRadiusTruncatesTheListButNotTheCounts() {
		Entity auth = this.demo.find(EntityRef.parse("component:default/auth-service")).orElseThrow();
		CatalogBlastRadiusTool.Output all = CatalogBlastRadiusTool.blastRadius(this.demo, auth, 200);
		CatalogBlastRadiusTool.Output two = CatalogBlastRadiusTool.blastRadius(this.demo, auth, 2);
		assertThat(two.dependents()).hasSize(2);
		assertThat(two.total()).isEqualTo(all.total());
		assertThat(two.byTier()).isEqualTo(all.byTier());
		assertThat(two.truncated()).startsWith("truncated, " + (all.total() - 2) + " more");
		assertThat(two.dependents()).isEqualTo(all.dependents().subList(0, 2));
	}

	@Test
	void entityDetailBoundsLongRelationListsAndSaysHowManyWereLeftOut(@TempDir Path root) {
		StringBuilder files = new StringBuilder(TestCatalogs.TEAM);
		for (int i = 0; i < 30; i++) {
			files.append("---\n").append(TestCatalogs.component("svc-" + i, ""));
		}
		Catalog catalog = TestCatalogs.folder(root, Map.of("all.yaml", files.toString()));
		Entity team = catalog.find(EntityRef.parse("group:default/team-a")).orElseThrow();
		EntityDetail detail = EntityDetail.of(catalog, team, Clock.systemUTC());
		EntityDetail.RelationGroup owned = detail.relations().get("ownerOf");
		assertThat(owned.total()).isEqualTo(30);
		assertThat(owned.targets()).hasSize(EntityDetail.RELATIONS_PER_TYPE);
		assertThat(owned.truncated()).isEqualTo("truncated, 5 more");
		assertThat(detail.toText()).contains("ownerOf: ").contains("(truncated, 5 more)");
	}

	private static Map<String, Integer> sortedByCount(Map<String, Integer> counts, Map<String, Integer> order) {
		Map<String, Integer> result = new java.util.LinkedHashMap<>();
		order.keySet().forEach((key) -> result.put(key, counts.get(key)));
		assertThat(result.keySet()).containsExactlyInAnyOrderElementsOf(counts.keySet());
		List<Integer> values = List.copyOf(result.values());
		for (int i = 1; i < values.size(); i++) {
			assertThat(values.get(i)).isLessThanOrEqualTo(values.get(i - 1));
		}
		return result;
	}

}
