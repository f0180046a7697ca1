package dev.cairn.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cairn.catalog.source=backstage} makes the application read its catalog from a
 * Backstage backend, with the configured token and filter.
 */
@SpringBootTest(properties = { "cairn.catalog.source=backstage", "cairn.catalog.backstage.token=t0ken",
		"cairn.catalog.backstage.filters=kind=component" })
class BackstageSourceIntegrationTests {

	static WireMockServer backstage = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@Autowired
	CatalogService catalogs;

	@DynamicPropertySource
	static void backstageUrl(DynamicPropertyRegistry registry) throws IOException {
		backstage.start();
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode page = json.createObjectNode();
		page.putArray("items")
			.add(json.readTree(Files.readString(Path.of("src/test/resources/backstage/ancestry.json")))
				.path("items")
				.get(0)
				.path("entity"));
		page.put("totalItems", 1);
		page.putObject("pageInfo");
		backstage.stubFor(get(urlPathEqualTo("/api/catalog/entities/by-query"))
			.withHeader("Authorization", equalTo("Bearer t0ken"))
			.withQueryParam("filter", equalTo("kind=component"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page.toString())));
		registry.add("cairn.catalog.backstage.base-url", backstage::baseUrl);
	}

	@AfterAll
	static void stop() {
		backstage.stop();
	}

	@Test
	void readsTheCatalogFromBackstage() {
		Catalog catalog = this.catalogs.current();
		assertThat(catalog.source()).isEqualTo("Backstage at " + backstage.baseUrl());
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.entities()).extracting((entity) -> entity.ref().toString())
			.containsExactly("component:default/checkout");
	}

}
