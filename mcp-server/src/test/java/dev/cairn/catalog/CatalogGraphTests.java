package dev.cairn.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogGraphTests {

	private final Catalog demo = TestCatalogs.demo();

	@Test
	void downstreamFollowsDependsOnConsumedApisAndTheirProviders() {
		CatalogGraph.Walk walk = walk("component:default/checkout-web", CatalogGraph.Direction.DOWNSTREAM, 1);
		List<String> direct = refs(walk);
		assertThat(direct).contains("component:default/payment-api");
		int paymentApi = this.demo.idOf(EntityRef.parse("component:default/payment-api"));
		assertThat(walk.depth(paymentApi)).isEqualTo(1);
		assertThat(walk.depthLimited).isTrue();
	}

	@Test
	void upstreamReachesEveryTransitiveDependentOnce() {
		CatalogGraph.Walk walk = walk("resource:default/payments-db", CatalogGraph.Direction.UPSTREAM,
				Integer.MAX_VALUE);
		List<String> dependents = refs(walk);
		assertThat(dependents)
			.contains("component:default/payment-api", "component:default/order-service",
					"component:default/checkout-web", "component:default/api-gateway", "component:default/web-frontend")
			.doesNotHaveDuplicates()
			.doesNotContain("resource:default/payments-db");
		int frontend = this.demo.idOf(EntityRef.parse("component:default/web-frontend"));
		int[] path = walk.pathTo(frontend);
		assertThat(this.demo.get(path[0]).ref()).hasToString("resource:default/payments-db");
		assertThat(this.demo.get(path[path.length - 1]).ref()).hasToString("component:default/web-frontend");
		for (int i = 1; i < path.length; i++) {
			assertThat(walk.parent(path[i])).isEqualTo(path[i - 1]);
		}
	}

	@Test
	void findsTheDependencyCycleAndStillTerminates() {
		CatalogGraph.Walk walk = walk("component:default/notification-service", CatalogGraph.Direction.DOWNSTREAM, 10);
		List<int[]> cycles = this.demo.graph().cycles(walk);
		assertThat(cycles).anySatisfy((cycle) -> assertThat(names(cycle))
			.contains("component:default/notification-service", "component:default/user-profile-service"));
	}

	@Test
	void aWalkFromALeafReachesNothing() {
		CatalogGraph.Walk walk = walk("component:default/web-frontend", CatalogGraph.Direction.UPSTREAM, 5);
		assertThat(walk.reached).isZero();
		assertThat(this.demo.graph().cycles(walk)).isEmpty();
	}

	private CatalogGraph.Walk walk(String ref, CatalogGraph.Direction direction, int depth) {
		return this.demo.graph().walk(this.demo.idOf(EntityRef.parse(ref)), direction, depth);
	}

	private List<String> refs(CatalogGraph.Walk walk) {
		return names(java.util.Arrays.copyOf(walk.order, walk.reached));
	}

	private List<String> names(int[] ids) {
		return java.util.Arrays.stream(ids).mapToObj((id) -> this.demo.get(id).ref().toString()).toList();
	}

}
