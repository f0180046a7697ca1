package dev.cairn.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalog of a running Backstage over its REST API:
 * {@code GET /api/catalog/entities/by-query}, following {@code pageInfo.nextCursor} until
 * the last page, with a bearer token when configured. Backstage has already computed
 * relations, so they are taken as given. A backend that cannot be reached or refuses the
 * token is a {@link CatalogSourceException} naming the URL and the status.
 */
public final class BackstageCatalogSource implements CatalogSource {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final URI baseUrl;

	private final String token;

	private final int pageSize;

	private final List<String> filters;

	private final Duration timeout;

	private final HttpClient http;

	public BackstageCatalogSource(URI baseUrl, String token, int pageSize, List<String> filters, Duration timeout) {
		String base = baseUrl.toString();
		this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		this.token = token;
		this.pageSize = pageSize;
		this.filters = (filters != null) ? List.copyOf(filters) : List.of();
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public String describe() {
		return "Backstage at " + this.baseUrl;
	}

	@Override
	public Catalog load() {
		CatalogBuilder builder = new CatalogBuilder();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = fetch(pageUri(cursor));
			JsonNode items = page.path("items");
			if (!items.isArray()) {
				throw new CatalogSourceException(
						describe() + " answered without an items array; is the URL the Backstage backend?");
			}
			for (JsonNode item : items) {
				addItem(item, builder);
			}
			JsonNode next = page.path("pageInfo").path("nextCursor");
			cursor = (next.isString() && !next.asString().isBlank()) ? next.asString() : null;
			pages++;
		}
		while (cursor != null && pages < 100_000);
		return builder.build(describe(), Instant.now());
	}

	URI pageUri(String cursor) {
		StringBuilder query = new StringBuilder("limit=").append(this.pageSize);
		if (cursor != null) {
			query.append("&cursor=").append(encode(cursor));
		}
		else {
			for (String filter : this.filters) {
				query.append("&filter=").append(encode(filter));
			}
		}
		return URI.create(this.baseUrl + "/api/catalog/entities/by-query?" + query);
	}

	private void addItem(JsonNode item, CatalogBuilder builder) {
		@SuppressWarnings("unchecked")
		Map<String, Object> raw = MAPPER.convertValue(item, Map.class);
		String where = describe() + " " + item.path("kind").asString("?") + ":"
				+ item.path("metadata").path("namespace").asString("default") + "/"
				+ item.path("metadata").path("name").asString("?");
		EntityReader.Read read = EntityReader.read(raw, (path) -> 0, where, Map.of());
		for (CatalogProblem problem : read.problems()) {
			builder.problem(new CatalogProblem(problem.severity(), where, problem.entityRef(), problem.message()));
		}
		if (read.entity() == null) {
			return;
		}
		List<Relation> relations = new ArrayList<>();
		for (JsonNode relation : item.path("relations")) {
			String type = relation.path("type").asString(null);
			String target = relation.path("targetRef").asString(null);
			if (type == null || target == null) {
				continue;
			}
			try {
				relations.add(new Relation(type, EntityRef.parse(target)));
			}
			catch (IllegalArgumentException ex) {
				builder.problem(new CatalogProblem(CatalogProblem.Severity.WARNING, where,
						read.entity().ref().toString(), "relation " + type + ": " + ex.getMessage()));
			}
		}
		Entity entity = read.entity();
		builder.addResolved(new Entity(entity.apiVersion(), entity.kind(), entity.metadata(), entity.spec(), relations,
				this.baseUrl + "/api/catalog/entities/by-name/" + entity.ref().kind() + "/" + entity.ref().namespace()
						+ "/" + entity.metadata().name()));
	}

	private JsonNode fetch(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		if (this.token != null && !this.token.isBlank()) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new CatalogSourceException(describe() + " is unreachable: " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CatalogSourceException(describe() + ": interrupted while loading");
		}
		if (response.statusCode() == 401 || response.statusCode() == 403) {
			throw new CatalogSourceException(describe() + " refused the request (HTTP " + response.statusCode()
					+ "); check cairn.catalog.backstage.token");
		}
		if (response.statusCode() / 100 != 2) {
			throw new CatalogSourceException(
					describe() + " answered HTTP " + response.statusCode() + errorMessage(response.body()));
		}
		try {
			return MAPPER.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new CatalogSourceException(describe() + " answered with a body that is not JSON", ex);
		}
	}

	private static String errorMessage(String body) {
		try {
			JsonNode error = MAPPER.readTree(body).path("error");
			String name = error.path("name").asString("");
			String message = error.path("message").asString("");
			return (message.isEmpty()) ? "" : ": " + (name.isEmpty() ? "" : name + ": ") + message;
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
