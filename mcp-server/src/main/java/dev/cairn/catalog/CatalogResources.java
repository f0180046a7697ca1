package dev.cairn.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog as MCP resources: each entity at
 * {@code catalog://<kind>/<namespace>/<name>} (a resource template, with completion of
 * kind, namespace and name), and {@code catalog://summary} with counts and the problems
 * found while loading.
 */
@Configuration(proxyBeanMethods = false)
class CatalogResources {

	static final String ENTITY_TEMPLATE = "catalog://{kind}/{namespace}/{name}";

	static final String SUMMARY_URI = "catalog://summary";

	static final int SUMMARY_PROBLEMS = 100;

	static final int COMPLETION_LIMIT = 100;

	private static final Pattern ENTITY_URI = Pattern.compile("catalog://([^/]+)/([^/]+)/([^/]+)");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.changeDefaultPropertyInclusion((incl) -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	@Bean
	List<SyncResourceTemplateSpecification> catalogResourceTemplates(CatalogService catalogs, Clock clock) {
		McpSchema.ResourceTemplate template = new McpSchema.ResourceTemplate(ENTITY_TEMPLATE, "catalog-entity",
				"Catalog entity",
				"One catalog entity as JSON: metadata, spec, relations grouped by type, owner and on-call. "
						+ "Example: catalog://component/default/payment-api",
				"application/json", null);
		return List.of(new SyncResourceTemplateSpecification(template,
				(exchange, request) -> readEntity(catalogs.current(), request.uri(), clock)));
	}

	@Bean
	List<SyncResourceSpecification> catalogResourceList(CatalogService catalogs) {
		McpSchema.Resource summary = McpSchema.Resource.builder()
			.uri(SUMMARY_URI)
			.name("catalog-summary")
			.title("Catalog summary")
			.description("Where the catalog was loaded from, entity counts per kind, and the validation problems "
					+ "(file, line, field) found while loading")
			.mimeType("application/json")
			.build();
		return List.of(
				new SyncResourceSpecification(summary,
						(exchange, request) -> new McpSchema.ReadResourceResult(
								List.of(new McpSchema.TextResourceContents(SUMMARY_URI, "application/json",
										JSON.writeValueAsString(summary(catalogs.current())))))));
	}

	@Bean
	List<SyncCompletionSpecification> catalogCompletions(CatalogService catalogs) {
		return List.of(new SyncCompletionSpecification(new McpSchema.ResourceReference(ENTITY_TEMPLATE),
				(exchange, request) -> complete(catalogs.current(), request)));
	}

	static McpSchema.ReadResourceResult readEntity(Catalog catalog, String uri, Clock clock) {
		Matcher matcher = ENTITY_URI.matcher(uri);
		if (!matcher.matches()) {
			throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
				.message("catalog resource URIs look like catalog://<kind>/<namespace>/<name>, not " + uri)
				.build();
		}
		EntityRef ref = new EntityRef(decode(matcher.group(1)), decode(matcher.group(2)), decode(matcher.group(3)));
		Entity entity = catalog.find(ref).orElseThrow(() -> McpError.RESOURCE_NOT_FOUND.apply(uri));
		return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json",
				JSON.writeValueAsString(EntityDetail.of(catalog, entity, clock)))));
	}

	static Map<String, Object> summary(Catalog catalog) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("source", catalog.source());
		summary.put("loadedAt", catalog.loadedAt().toString());
		summary.put("entities", catalog.entities().size());
		summary.put("relations", catalog.relationCount());
		summary.put("countsByKind", catalog.countsByKind());
		long errors = catalog.problems().stream().filter((p) -> p.severity() == CatalogProblem.Severity.ERROR).count();
		summary.put("errors", errors);
		summary.put("warnings", catalog.problems().size() - errors);
		List<String> problems = catalog.problems()
			.stream()
			.limit(SUMMARY_PROBLEMS)
			.map(CatalogProblem::toString)
			.toList();
		summary.put("problems", problems);
		if (catalog.problems().size() > SUMMARY_PROBLEMS) {
			summary.put("truncated", "truncated, " + (catalog.problems().size() - SUMMARY_PROBLEMS) + " more problems");
		}
		return summary;
	}

	static McpSchema.CompleteResult complete(Catalog catalog, McpSchema.CompleteRequest request) {
		String argument = request.argument().name();
		String prefix = request.argument().value().toLowerCase(Locale.ROOT);
		Map<String, String> context = (request.context() != null && request.context().arguments() != null)
				? request.context().arguments() : Map.of();
		TreeSet<String> values = new TreeSet<>();
		for (Entity entity : catalog.entities()) {
			EntityRef ref = entity.ref();
			if (!"kind".equals(argument) && context.containsKey("kind")
					&& !ref.kind().equalsIgnoreCase(context.get("kind"))) {
				continue;
			}
			if ("name".equals(argument) && context.containsKey("namespace")
					&& !ref.namespace().equalsIgnoreCase(context.get("namespace"))) {
				continue;
			}
			String value = switch (argument) {
				case "kind" -> ref.kind();
				case "namespace" -> ref.namespace();
				case "name" -> ref.name();
				default -> null;
			};
			if (value != null && value.startsWith(prefix)) {
				values.add(value);
			}
		}
		List<String> page = new ArrayList<>(values).subList(0, Math.min(values.size(), COMPLETION_LIMIT));
		return new McpSchema.CompleteResult(
				new McpSchema.CompleteResult.CompleteCompletion(page, values.size(), values.size() > page.size()));
	}

	private static String decode(String part) {
		return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
	}

}
