package dev.cairn.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Backstage source against a stand-in that answers with the captured responses of a
 * real Backstage.
 */
class BackstageCatalogSourceTests {

	private static final Path FIXTURES = Path.of("src/test/resources/backstage");

	private static final String TOKEN = "s3cr3t-static-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WireMockServer backstage;

	private String baseUrl;

	@BeforeEach
	void start() throws IOException {
		this.backstage = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.backstage.start();
		this.baseUrl = this.backstage.baseUrl();
		// The captured first page was requested with a field selection; Cairn asks for
		// whole entities, so the
		// page is rebuilt around the full entity Backstage returned for the same
		// component.
		ObjectNode page1 = (ObjectNode) JSON.readTree(Files.readString(FIXTURES.resolve("byquery_page1.json")));
		JsonNode checkout = JSON.readTree(Files.readString(FIXTURES.resolve("ancestry.json")))
			.path("items")
			.get(0)
			.path("entity");
		page1.putArray("items").add(checkout);
		String page2 = Files.readString(FIXTURES.resolve("byquery_page2.json"));
		String cursor = page1.path("pageInfo").path("nextCursor").asString();
		this.backstage.stubFor(get(urlPathEqualTo("/api/catalog/entities/by-query")).atPriority(10)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Missing credentials\"},"
						+ "\"request\":{\"method\":\"GET\",\"url\":\"/entities/by-query\"},\"response\":{\"statusCode\":401}}")));
		this.backstage.stubFor(get(urlPathEqualTo("/api/catalog/entities/by-query")).atPriority(5)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page1.toString())));
		this.backstage.stubFor(get(urlPathEqualTo("/api/catalog/entities/by-query")).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withQueryParam("cursor", equalTo(cursor))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page2)));
	}

	@AfterEach
	void stop() {
		this.backstage.stop();
	}

	@Test
	void followsCursorsAcrossPagesWithTheBearerToken() {
		Catalog catalog = source(TOKEN).load();
		assertThat(catalog.entities()).extracting((entity) -> entity.ref().toString())
			.containsExactly("component:default/checkout", "resource:default/checkout-db");
		this.backstage.verify(2, getRequestedFor(urlPathEqualTo("/api/catalog/entities/by-query"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		this.backstage.verify(getRequestedFor(urlPathEqualTo("/api/catalog/entities/by-query")).withQueryParam("limit",
				equalTo("1")));
	}

	@Test
	void takesBackstagesRelationsAsComputed() {
		Catalog catalog = source(TOKEN).load();
		Entity db = catalog.find(EntityRef.parse("resource:default/checkout-db")).orElseThrow();
		assertThat(db.relations()).containsExactly(
				new Relation("dependencyOf", EntityRef.parse("component:default/checkout")),
				new Relation("ownedBy", EntityRef.parse("group:default/team-shop")),
				new Relation("partOf", EntityRef.parse("system:default/shop")));
		assertThat(db.origin()).endsWith("/api/catalog/entities/by-name/resource/default/checkout-db");
	}

	@Test
	void aRefusedTokenNamesTheBackendAndTheSetting() {
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source("wrong").load())
			.withMessage("Backstage at " + this.backstage.baseUrl()
					+ " refused the request (HTTP 401); check cairn.catalog.backstage.token");
	}

	@Test
	void anUnreachableBackendNamesItsUrl() {
		String url = this.backstage.baseUrl();
		this.backstage.stop();
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source(TOKEN).load())
			.withMessageStartingWith("Backstage at " + url + " is unreachable");
	}

	@Test
	void aFailedReloadKeepsServingTheLastCatalogAndSaysWhy() {
		CatalogService service = new CatalogService(source(TOKEN));
		assertThat(service.current().entities()).hasSize(2);
		this.backstage.stop();
		Catalog after = service.reload();
		assertThat(after.entities()).hasSize(2);
		assertThat(after.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("is unreachable")
				.contains("serving the last loaded catalog (2 entities"));
	}

	private BackstageCatalogSource source(String token) {
		return new BackstageCatalogSource(URI.create(this.baseUrl), token, 1, List.of(), Duration.ofSeconds(5));
	}

}
