package dev.cairn.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.cairn.watch.FolderWatcher;

/**
 * Chooses the catalog source from configuration and keeps the snapshot fresh: a folder is
 * watched for changes, a Backstage backend is polled at its refresh interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(CatalogConfiguration.class);

	static final String DEMO_CATALOG = "demo-catalog";

	@Bean
	CatalogSource catalogSource(CatalogProperties properties) throws IOException {
		if ("backstage".equalsIgnoreCase(properties.source())) {
			CatalogProperties.Backstage backstage = properties.backstage();
			if (backstage.baseUrl() == null) {
				throw new IllegalStateException(
						"cairn.catalog.source=backstage needs cairn.catalog.backstage.base-url (for example http://backstage:7007)");
			}
			return new BackstageCatalogSource(backstage.baseUrl(), backstage.token(), backstage.pageSize(),
					backstage.filters(), backstage.timeout());
		}
		if (!"folder".equalsIgnoreCase(properties.source())) {
			throw new IllegalStateException(
					"cairn.catalog.source must be folder or backstage, not \"" + properties.source() + "\"");
		}
		String path = properties.folder().path();
		return (path == null || path.isBlank()) ? FolderCatalogSource.temporary(extractDemoCatalog())
				: new FolderCatalogSource(Path.of(path));
	}

	@Bean
	CatalogService catalogService(CatalogSource source) {
		return new CatalogService(source);
	}

	@Bean(destroyMethod = "close")
	CatalogRefresher catalogRefresher(CatalogService service, CatalogProperties properties) throws IOException {
		if (service.source() instanceof FolderCatalogSource folder && properties.folder().watch()) {
			if (!Files.isDirectory(folder.root())) {
				// The load has already reported the missing folder (health and
				// catalog://summary say so);
				// Cairn still starts, so that what does not need the catalog keeps
				// working.
				logger.warn("not watching catalog folder {}: it does not exist", folder.root());
				return new CatalogRefresher(() -> {
				});
			}
			return new CatalogRefresher(new FolderWatcher(folder.root(), "catalog", service::reload));
		}
		if (service.source() instanceof BackstageCatalogSource) {
			ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "cairn-catalog-refresh");
				thread.setDaemon(true);
				return thread;
			});
			long every = properties.backstage().refreshInterval().toMillis();
			scheduler.scheduleWithFixedDelay(service::reload, every, every, TimeUnit.MILLISECONDS);
			return new CatalogRefresher(scheduler::shutdownNow);
		}
		return new CatalogRefresher(() -> {
		});
	}

	/** Whatever keeps the catalog fresh, closed with the application. */
	record CatalogRefresher(AutoCloseable resource) {

		void close() throws Exception {
			this.resource.close();
		}

	}

	/**
	 * Copies the demo organisation bundled in the jar to a temporary folder, so that it
	 * is read by the same folder source as any other catalog.
	 */
	static Path extractDemoCatalog() throws IOException {
		Path target = Files.createTempDirectory("cairn-demo-catalog-");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Resource base = resolver.getResource("classpath:" + DEMO_CATALOG + "/catalog-info.yaml");
		String baseUrl = base.getURL().toString();
		String prefix = baseUrl.substring(0, baseUrl.length() - "catalog-info.yaml".length());
		for (Resource resource : resolver.getResources("classpath*:" + DEMO_CATALOG + "/**/*.y*ml")) {
			String url = resource.getURL().toString();
			if (!url.startsWith(prefix)) {
				continue;
			}
			Path file = target.resolve(url.substring(prefix.length())).normalize();
			Files.createDirectories(file.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return target;
	}

}
