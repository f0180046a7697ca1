package dev.cairn.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.cairn.watch.FolderWatcher;

/**
 * Chooses the engine from configuration and keeps in-process policies fresh: the folder
 * is watched, and each change is loaded as a new revision if it is sound.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PolicyConfiguration.class);

	static final String SHIPPED = "policies";

	@Bean
	PolicyEngine policyEngine(PolicyProperties properties) throws IOException {
		if ("opa".equalsIgnoreCase(properties.engine())) {
			PolicyProperties.Opa opa = properties.opa();
			return new OpaServerEngine(opa.url(), properties.opaPath(), opa.timeout(), opa.token());
		}
		if (!"rego".equalsIgnoreCase(properties.engine())) {
			throw new IllegalStateException(
					"cairn.policy.engine must be rego or opa, not \"" + properties.engine() + "\"");
		}
		PolicyFolder folder = policyFolder(properties);
		return new RegoPolicyEngine(folder.path(), properties.entrypoint(), properties.timeout(), Clock.systemUTC(),
				folder.shipped());
	}

	@Bean
	PolicyService policyService(PolicyEngine engine) {
		return new PolicyService(engine, Clock.systemUTC());
	}

	/**
	 * Inputs with groups and targets from the catalog; without one, nobody has groups and
	 * nothing is a known target, so changes are denied.
	 */
	@Bean
	PolicyInputs policyInputs(ObjectProvider<GroupResolver> groups, ObjectProvider<EntityResolver> entities) {
		return new PolicyInputs(groups.getIfAvailable(() -> (principal) -> List.of()),
				entities.getIfAvailable(() -> (ref) -> Optional.empty()), Clock.systemUTC());
	}

	@Bean(destroyMethod = "close")
	PolicyWatcher policyWatcher(PolicyEngine engine, PolicyProperties properties) throws IOException {
		// The shipped copy is nobody's to edit: it is not watched.
		if (engine instanceof RegoPolicyEngine rego && properties.watch() && !rego.shipped()) {
			if (Files.isDirectory(rego.root())) {
				return new PolicyWatcher(new FolderWatcher(rego.root(), "policy", rego::reload));
			}
			logger.warn("not watching policy folder {}: it does not exist", rego.root());
		}
		return new PolicyWatcher(() -> {
		});
	}

	/**
	 * The configured folder; else {@code ./policies} when it exists; else a copy of the
	 * guardrails shipped in the jar. A configured folder that is missing is not replaced
	 * by the shipped copy: a typo in the path must not quietly change what is allowed.
	 */
	static PolicyFolder policyFolder(PolicyProperties properties) throws IOException {
		if (properties.dir() != null) {
			return new PolicyFolder(Path.of(properties.dir()), false);
		}
		Path local = Path.of(SHIPPED);
		if (Files.isDirectory(local)) {
			return new PolicyFolder(local, false);
		}
		Path shipped = extractShipped();
		logger.info("no policies folder in {}; deciding with the guardrails shipped in the jar (a copy in {})",
				Path.of("").toAbsolutePath(), shipped);
		return new PolicyFolder(shipped, true);
	}

	/**
	 * Where the policies are read from.
	 *
	 * @param path the folder
	 * @param shipped whether it is a copy of the policies shipped in the jar
	 */
	record PolicyFolder(Path path, boolean shipped) {
	}

	/** Copies the shipped policies to a temporary folder, read like any other folder. */
	static Path extractShipped() throws IOException {
		Path target = Files.createTempDirectory("cairn-policies-");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Resource base = resolver.getResource("classpath:" + SHIPPED + "/data.json");
		String baseUrl = base.getURL().toString();
		String prefix = baseUrl.substring(0, baseUrl.length() - "data.json".length());
		for (Resource resource : resolver.getResources("classpath*:" + SHIPPED + "/**/*")) {
			String url = resource.getURL().toString();
			if (!url.startsWith(prefix) || url.endsWith("/") || !resource.isReadable()) {
				continue;
			}
			Path file = target.resolve(url.substring(prefix.length())).normalize();
			if (!file.startsWith(target)) {
				continue;
			}
			Files.createDirectories(file.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return target;
	}

	/** Whatever keeps the policies fresh, closed with the application. */
	record PolicyWatcher(AutoCloseable resource) {

		void close() throws Exception {
			this.resource.close();
		}

	}

}
