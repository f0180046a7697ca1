package dev.cairn.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the catalog behind the captured Backstage responses, written as Backstage
 * documents it, and checks that the relations Cairn computes are exactly those Backstage
 * computed, in Backstage's order.
 */
class BackstageFidelityTests {

	private static final Path FIXTURES = Path.of("src/test/resources/backstage");

	private final Catalog catalog = new FolderCatalogSource(FIXTURES.resolve("fidelity")).load();

	@Test
	void loadsWithoutProblems() {
		assertThat(this.catalog.problems()).isEmpty();
		assertThat(this.catalog.countsByKind()).containsEntry("Location", 1)
			.containsEntry("Component", 1)
			.containsEntry("Resource", 1)
			.containsEntry("API", 1)
			.containsEntry("System", 1)
			.containsEntry("Group", 1);
	}

	@Test
	void componentRelationsMatchBackstage() throws IOException {
		JsonNode checkout = read("ancestry.json").path("items").get(0).path("entity");
		assertThat(relationsOf("component:default/checkout")).containsExactlyElementsOf(relations(checkout));
	}

	@Test
	void resourceRelationsMatchBackstage() throws IOException {
		JsonNode checkoutDb = read("byquery_page2.json").path("items").get(0);
		assertThat(relationsOf("resource:default/checkout-db")).containsExactlyElementsOf(relations(checkoutDb));
	}

	@Test
	void groupRelationsMatchBackstage() throws IOException {
		assertThat(relationsOf("group:default/team-shop"))
			.containsExactlyElementsOf(relations(read("group_relations.json")));
	}

	@Test
	void specAndMetadataSurviveAsDeclared() throws IOException {
		JsonNode expected = read("ancestry.json").path("items").get(0).path("entity");
		Entity checkout = this.catalog.find(EntityRef.parse("component:default/checkout")).orElseThrow();
		assertThat(checkout.metadata().tags()).containsExactly("java", "payments");
		assertThat(checkout.metadata().annotations()).containsEntry("prometheus.io/rule",
				expected.path("metadata").path("annotations").path("prometheus.io/rule").asString());
		assertThat(checkout.specStrings("dependsOn")).containsExactly("resource:checkout-db");
	}

	private List<String> relationsOf(String ref) {
		return this.catalog.find(EntityRef.parse(ref))
			.orElseThrow()
			.relations()
			.stream()
			.map((relation) -> relation.type() + " " + relation.target())
			.toList();
	}

	private static List<String> relations(JsonNode entity) {
		List<String> relations = new ArrayList<>();
		for (JsonNode relation : entity.path("relations")) {
			relations.add(relation.path("type").asString() + " " + relation.path("targetRef").asString());
		}
		return relations;
	}

	private static JsonNode read(String name) throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(FIXTURES.resolve(name)));
	}

}
