package dev.cairn.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.policy.PolicyInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalog tells the policy: a user's groups with all their parents, and the
 * facts about a target entity, from the demo organisation.
 */
class CatalogPolicyDirectoryTests {

	private final CatalogPolicyDirectory directory = new CatalogPolicyDirectory(new CatalogService(new CatalogSource() {

		@Override
		public Catalog load() {
			return TestCatalogs.demo();
		}

		@Override
		public String describe() {
			return "demo";
		}

	}));

	@TempDir
	Path root;

	@Test
	void aUserBelongsToTheirTeamsAndTheirParents() {
		assertThat(this.directory.groupsOf("user:default/dana")).containsExactly("group:default/engineering",
				"group:default/team-checkout");
		assertThat(this.directory.groupsOf("user:default/priya")).containsExactly("group:default/engineering");
	}

	@Test
	void anUnknownOrMalformedPrincipalHasNoGroups() {
		assertThat(this.directory.groupsOf("user:default/nobody")).isEmpty();
		assertThat(this.directory.groupsOf("agent:default/assistant")).isEmpty();
		assertThat(this.directory.groupsOf("no-kind")).isEmpty();
	}

	@Test
	void aTargetIsDescribedWithOwnerTierAndSystem() {
		PolicyInput.Target target = this.directory.resolve("payment-api").orElseThrow();
		assertThat(target.ref()).isEqualTo("component:default/payment-api");
		assertThat(target.kind()).isEqualTo("component");
		assertThat(target.namespace()).isEqualTo("default");
		assertThat(target.owner()).isEqualTo("group:default/team-payments");
		assertThat(target.tier()).isEqualTo("tier-1");
		assertThat(target.lifecycle()).isEqualTo("production");
		assertThat(target.system()).isEqualTo("system:default/payments");
		assertThat(this.directory.resolve("component:default/payment-api")).contains(target);
		assertThat(this.directory.resolve("no-such-thing")).isEmpty();
		assertThat(this.directory.resolve("a:b:c")).isEmpty();
	}

	@Test
	void aReloadedCatalogDescribesTargetsAnew() {
		String component = """
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: shop
				spec:
				  type: service
				  lifecycle: %s
				  owner: group:default/team-a
				""";
		java.util.concurrent.atomic.AtomicReference<String> lifecycle = new java.util.concurrent.atomic.AtomicReference<>(
				"experimental");
		CatalogService service = new CatalogService(new CatalogSource() {

			@Override
			public Catalog load() {
				return TestCatalogs.folder(CatalogPolicyDirectoryTests.this.root,
						Map.of("shop.yaml", component.formatted(lifecycle.get())));
			}

			@Override
			public String describe() {
				return "changing";
			}

		});
		CatalogPolicyDirectory changing = new CatalogPolicyDirectory(service);
		assertThat(changing.resolve("shop")).get().extracting(PolicyInput.Target::lifecycle).isEqualTo("experimental");
		lifecycle.set("production");
		service.reload();
		assertThat(changing.resolve("shop")).get().extracting(PolicyInput.Target::lifecycle).isEqualTo("production");
	}

	@Test
	void parentCyclesEnd() {
		String group = """
				apiVersion: backstage.io/v1alpha1
				kind: Group
				metadata:
				  name: %s
				spec:
				  type: team
				  parent: %s
				  children: []
				""";
		Catalog catalog = TestCatalogs.folder(this.root,
				Map.of("a.yaml", group.formatted("a", "b"), "b.yaml", group.formatted("b", "a"), "u.yaml", """
						apiVersion: backstage.io/v1alpha1
						kind: User
						metadata:
						  name: u
						spec:
						  memberOf: [a]
						"""));
		CatalogPolicyDirectory cyclic = new CatalogPolicyDirectory(new CatalogService(new CatalogSource() {

			@Override
			public Catalog load() {
				return catalog;
			}

			@Override
			public String describe() {
				return "cyclic";
			}

		}));
		assertThat(cyclic.groupsOf("user:default/u")).isEqualTo(List.of("group:default/a", "group:default/b"));
	}

}
