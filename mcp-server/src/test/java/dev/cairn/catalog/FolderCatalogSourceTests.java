package dev.cairn.catalog;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FolderCatalogSourceTests {

	@TempDir
	Path root;

	@Test
	void loadsMultiDocumentFilesRecursivelyAndComputesRelationsBothWays() {
		Catalog catalog = TestCatalogs.folder(this.root,
				Map.of("org/team.yaml", TestCatalogs.TEAM, "svc/all.yaml",
						TestCatalogs.component("a", "  dependsOn: [component:b]\n") + "---\n"
								+ TestCatalogs.component("b", "")));
		assertThat(catalog.problems()).isEmpty();
		Entity a = catalog.find(EntityRef.parse("component:default/a")).orElseThrow();
		Entity b = catalog.find(EntityRef.parse("component:default/b")).orElseThrow();
		Entity team = catalog.find(EntityRef.parse("group:default/team-a")).orElseThrow();
		assertThat(a.relations()).containsExactly(new Relation("dependsOn", b.ref()),
				new Relation("ownedBy", team.ref()));
		assertThat(b.relations()).contains(new Relation("dependencyOf", a.ref()));
		assertThat(team.related(RelationType.OWNER_OF)).containsExactly(a.ref(), b.ref());
		assertThat(a.origin()).isEqualTo("svc/all.yaml:1");
		assertThat(b.origin()).isEqualTo("svc/all.yaml:11");
	}

	@Test
	void reportsAnInvalidEntityWithFileLineAndFieldAndLoadsTheRest() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "bad.yaml", """
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  title: no name here
				spec:
				  type: service
				---
				apiVersion: backstage.io/v1alpha1
				kind: Widget
				metadata:
				  name: w
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: ok
				spec:
				  type: service
				  lifecycle: production
				  owner: team-a
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: no-owner
				spec:
				  type: service
				  lifecycle: production
				"""));
		assertThat(catalog.problems()).extracting(CatalogProblem::toString)
			.containsExactly("bad.yaml:3: error: metadata.name: is required; the entity was not loaded",
					"bad.yaml:9: error: kind: unknown kind \"Widget\"; Cairn reads API, Component, Domain, Group, Location, Resource, System, Template, User; the entity was not loaded",
					"bad.yaml:26: error: component:default/no-owner: spec.owner: is required; the entity was not loaded");
		assertThat(catalog.find(EntityRef.parse("component:default/ok"))).isPresent();
	}

	@Test
	void reportsMalformedYamlWithItsLineAndKeepsTheOtherDocuments() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "broken.yaml",
				TestCatalogs.component("fine", "") + "---\nkind: [oops\n"));
		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("broken.yaml:1")
				.contains("malformed YAML")
				.contains("this document was not loaded"));
		assertThat(catalog.find(EntityRef.parse("component:default/fine"))).isPresent();
	}

	@Test
	void validatesMetadataFormatsAsBackstageDoes() {
		Catalog catalog = TestCatalogs.folder(this.root,
				Map.of("team.yaml", TestCatalogs.TEAM, "x.yaml",
						TestCatalogs.component("-bad-", "") + "---\n"
								+ TestCatalogs.component("tagged", "")
									.replace("  name: tagged", "  name: tagged\n  tags: [Java]")
								+ "---\n" + TestCatalogs.component("labelled", "")
									.replace("  name: labelled", "  name: labelled\n  labels:\n    tier: 1")));
		assertThat(catalog.problems()).extracting(CatalogProblem::message)
			.anySatisfy((message) -> assertThat(message).startsWith("metadata.name: \"-bad-\" is not a valid name"))
			.anySatisfy((message) -> assertThat(message).startsWith("metadata.tags[0]: tag \"Java\" is not valid"))
			.anySatisfy((message) -> assertThat(message).startsWith("metadata.labels.tier: must be a string"));
		assertThat(catalog.entities()).extracting((entity) -> entity.metadata().name()).containsExactly("team-a");
	}

	@Test
	void reportsDuplicateRefsAndKeepsTheFirst() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "a.yaml",
				TestCatalogs.component("dup", ""), "b.yaml", TestCatalogs.component("DUP", "")));
		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).isEqualTo(
					"b.yaml:1: error: component:default/dup: duplicate entity ref component:default/dup: already defined at a.yaml:1; this definition was not loaded"));
		assertThat(catalog.find(EntityRef.parse("component:default/dup")).orElseThrow().origin()).isEqualTo("a.yaml:1");
	}

	@Test
	void keepsDanglingRelationsAndWarnsWithTheFieldsLine() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "a.yaml",
				TestCatalogs.component("a", "  dependsOn:\n    - resource:ghost-db\n")));
		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).isEqualTo(
					"a.yaml:10: warning: component:default/a: dependsOn refers to resource:default/ghost-db, which is not in the catalog (dangling relation)"));
		assertThat(catalog.find(EntityRef.parse("component:default/a")).orElseThrow().related(RelationType.DEPENDS_ON))
			.containsExactly(EntityRef.parse("resource:default/ghost-db"));
	}

	@Test
	void warnsAboutARefWithoutKindWhereBackstageNeedsOne() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "a.yaml",
				TestCatalogs.component("a", "  dependsOn: [payments-db]\n")));
		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message())
				.startsWith("spec.dependsOn[0]: entity ref \"payments-db\" has no kind"));
	}

	@Test
	void followsLocationTargetsIncludingGlobsOutsideTheWalkedFolderOnlyWhenInsideTheRoot() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("catalog-info.yaml", """
				apiVersion: backstage.io/v1alpha1
				kind: Location
				metadata:
				  name: root
				spec:
				  targets:
				    - ./teams/*.yaml
				    - ./missing.yaml
				    - ../elsewhere.yaml
				""", "teams/a.yaml", TestCatalogs.TEAM));
		assertThat(catalog.find(EntityRef.parse("group:default/team-a")).orElseThrow().metadata().annotations())
			.containsEntry(FolderCatalogSource.MANAGED_BY_ORIGIN_LOCATION,
					"file:" + this.root.resolve("catalog-info.yaml").toAbsolutePath())
			.containsEntry(FolderCatalogSource.MANAGED_BY_LOCATION,
					"file:" + this.root.resolve("teams/a.yaml").toAbsolutePath());
		assertThat(catalog.problems()).extracting(CatalogProblem::message)
			.containsExactlyInAnyOrder("target \"./missing.yaml\" was not found",
					"target \"../elsewhere.yaml\" was not found");
	}

	@Test
	void theDemoOrganisationLoadsCleanlyAndIsLargeEnough() {
		Catalog demo = TestCatalogs.demo();
		assertThat(demo.problems()).isEmpty();
		Map<String, Integer> counts = demo.countsByKind();
		assertThat(demo.entities()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(counts.get("Domain")).isGreaterThanOrEqualTo(3);
		assertThat(counts.get("System")).isGreaterThanOrEqualTo(5);
		assertThat(counts.get("Component")).isGreaterThanOrEqualTo(15);
		assertThat(counts.get("Group")).isGreaterThanOrEqualTo(5);
		assertThat(counts).containsKeys("API", "Resource", "User", "Location");
		assertThat(demo.entities()).filteredOn((entity) -> entity.kind().equals("Component"))
			.extracting(Entity::tier)
			.contains("tier-1", "tier-2", "tier-3");
	}

	@Test
	void readsScaffolderTemplatesWithTheirOwnApiVersion() {
		Catalog catalog = TestCatalogs.folder(this.root, Map.of("team.yaml", TestCatalogs.TEAM, "template.yaml", """
				apiVersion: scaffolder.backstage.io/v1beta3
				kind: Template
				metadata:
				  name: spring-boot-service
				spec:
				  type: service
				  owner: team-a
				  steps:
				    - id: fetch
				      action: fetch:template
				---
				apiVersion: backstage.io/v1alpha1
				kind: Template
				metadata:
				  name: wrong-version
				spec:
				  type: service
				  steps: []
				"""));
		assertThat(catalog.find(EntityRef.parse("template:default/spring-boot-service"))
			.orElseThrow()
			.related(RelationType.OWNED_BY)).containsExactly(EntityRef.parse("group:default/team-a"));
		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith(
					"apiVersion: apiVersion \"backstage.io/v1alpha1\" is not valid for kind Template; expected scaffolder.backstage.io/v1beta3"));
	}

}
