package dev.cairn.goldenpath;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.cairn.catalog.CatalogService;
import dev.cairn.watch.FolderWatcher;

/**
 * Finds the golden-paths folder (the configured one; else {@code ./golden-paths}; else a
 * copy of the templates shipped in the jar) and reloads it when it changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GoldenPathProperties.class, GitLocations.class })
class GoldenPathConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GoldenPathConfiguration.class);

	static final String SHIPPED = "golden-paths";

	@Bean
	GoldenPaths goldenPaths(GoldenPathProperties properties) throws IOException {
		if (properties.folder() != null) {
			return new GoldenPaths(Path.of(properties.folder()), false);
		}
		Path local = Path.of(SHIPPED);
		if (Files.isDirectory(local)) {
			return new GoldenPaths(local, false);
		}
		Path shipped = extractShipped();
		logger.info("no golden-paths folder in {}; using the templates shipped in the jar (a copy in {})",
				Path.of("").toAbsolutePath(), shipped);
		return new GoldenPaths(shipped, true);
	}

	@Bean
	Renderer goldenPathRenderer() {
		return new Renderer();
	}

	@Bean
	Planner goldenPathPlanner(Renderer renderer, GitLocations git, CatalogService catalog) {
		return new Planner(renderer, git,
				(ref) -> catalog.current()
					.find(ref)
					.map((entity) -> ref + " (owner " + entity.specString("owner") + ")"));
	}

	@Bean(destroyMethod = "close")
	GoldenPathWatcher goldenPathWatcher(GoldenPaths paths, GoldenPathProperties properties) throws IOException {
		// The shipped copy is nobody's to edit: it is not watched.
		if (properties.watch() && !paths.shipped()) {
			if (Files.isDirectory(paths.folder())) {
				return new GoldenPathWatcher(new FolderWatcher(paths.folder(), "goldenpath", paths::reload));
			}
			logger.warn("not watching golden-paths folder {}: it does not exist", paths.folder());
		}
		return new GoldenPathWatcher(() -> {
		});
	}

	/** Whatever keeps the templates fresh, closed with the application. */
	record GoldenPathWatcher(AutoCloseable resource) {

		void close() throws Exception {
			this.resource.close();
		}

	}

	/** Copies the shipped templates to a temporary folder, read like any other folder. */
	static Path extractShipped() throws IOException {
		Path target = Files.createTempDirectory("cairn-golden-paths-");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Resource[] definitions = resolver.getResources("classpath*:" + SHIPPED + "/*/template.yaml");
		if (definitions.length == 0) {
			return target;
		}
		String anchor = definitions[0].getURL().toString();
		String prefix = anchor.substring(0, anchor.lastIndexOf("/" + SHIPPED + "/") + SHIPPED.length() + 2);
		for (Resource resource : resolver.getResources("classpath*:" + SHIPPED + "/**/*")) {
			String url = resource.getURL().toString();
			if (!url.startsWith(prefix) || url.endsWith("/") || !resource.isReadable()) {
				continue;
			}
			Path file = target.resolve(URLDecoder.decode(url.substring(prefix.length()), StandardCharsets.UTF_8))
				.normalize();
			if (!file.startsWith(target) || Files.isDirectory(file)) {
				continue;
			}
			Files.createDirectories(file.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return target;
	}

}
