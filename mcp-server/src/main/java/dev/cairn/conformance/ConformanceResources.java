package dev.cairn.conformance;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The fixture resources and resource template of the conformance suite's resource
 * scenarios.
 */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
class ConformanceResources {

	private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

	@Bean
	List<SyncResourceSpecification> fixtureResources() {
		return List.of(
				text("test://static-text", "static-text", "A static text resource.",
						"This is the content of the static text resource."),
				new SyncResourceSpecification(
						resource("test://static-binary", "static-binary", "A static binary resource (a 1x1 PNG).",
								"image/png"),
						(exchange, request) -> new ReadResourceResult(
								List.of(new McpSchema.BlobResourceContents(request.uri(), "image/png", Fixtures.PNG)))),
				text("test://watched-resource", "watched-resource", "A resource clients may subscribe to.",
						"This is the content of the watched resource."));
	}

	@Bean
	List<SyncResourceTemplateSpecification> fixtureResourceTemplates() {
		McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
			.uriTemplate("test://template/{id}/data")
			.name("template-data")
			.description("JSON data for the id in the URI.")
			.mimeType("application/json")
			.build();
		return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
			Matcher matcher = TEMPLATE_URI.matcher(request.uri());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("not a test://template/{id}/data URI: " + request.uri());
			}
			String id = matcher.group(1);
			String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
			return new ReadResourceResult(
					List.of(new McpSchema.TextResourceContents(request.uri(), "application/json", json)));
		}));
	}

	private static SyncResourceSpecification text(String uri, String name, String description, String text) {
		return new SyncResourceSpecification(resource(uri, name, description, "text/plain"),
				(exchange, request) -> new ReadResourceResult(
						List.of(new McpSchema.TextResourceContents(request.uri(), "text/plain", text))));
	}

	private static McpSchema.Resource resource(String uri, String name, String description, String mimeType) {
		return McpSchema.Resource.builder().uri(uri).name(name).description(description).mimeType(mimeType).build();
	}

}
