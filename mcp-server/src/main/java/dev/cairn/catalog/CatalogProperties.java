package dev.cairn.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog settings ({@code cairn.catalog.*}).
 *
 * @param source {@code folder} (the default) or {@code backstage}
 * @param folder the folder source: its path (empty means the bundled demo organisation)
 * and whether to reload on change
 * @param backstage the Backstage source: base URL, bearer token, page size, filters,
 * timeout and refresh interval
 */
@ConfigurationProperties("cairn.catalog")
public record CatalogProperties(String source, Folder folder, Backstage backstage) {

	public CatalogProperties {
		source = (source == null || source.isBlank()) ? "folder" : source;
		folder = (folder != null) ? folder : new Folder(null, true);
		backstage = (backstage != null) ? backstage : new Backstage(null, null, 0, null, null, null);
	}

	public record Folder(String path, boolean watch) {
	}

	public record Backstage(URI baseUrl, String token, int pageSize, List<String> filters, Duration timeout,
			Duration refreshInterval) {

		public Backstage {
			pageSize = (pageSize > 0) ? pageSize : 500;
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
			refreshInterval = (refreshInterval != null) ? refreshInterval : Duration.ofMinutes(5);
		}

	}

}
