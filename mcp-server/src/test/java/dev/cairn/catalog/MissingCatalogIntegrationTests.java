package dev.cairn.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog folder that does not exist: Cairn still starts, and its health names the
 * folder at fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cairn.catalog.folder.path=/nonexistent/cairn-catalog")
class MissingCatalogIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void startsAndReportsTheMissingFolderAsDown() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body())
			.contains("catalog folder /nonexistent/cairn-catalog does not exist or is not a folder");
	}

}
