package dev.cairn.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Catalogs for tests: the bundled demo organisation, and small folders written on the
 * fly.
 */
final class TestCatalogs {

	/** A team that {@link #component} entities are owned by. */
	static final String TEAM = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: team-a
			spec:
			  type: team
			  children: []
			""";

	private static Catalog demo;

	private TestCatalogs() {
	}

	static synchronized Catalog demo() {
		if (demo == null) {
			try {
				demo = new FolderCatalogSource(CatalogConfiguration.extractDemoCatalog()).load();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return demo;
	}

	static Catalog folder(Path root, Map<String, String> files) {
		try {
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path path = root.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new FolderCatalogSource(root).load();
	}

	static String component(String name, String extraSpec) {
		return """
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: %s
				spec:
				  type: service
				  lifecycle: production
				  owner: team-a
				%s""".formatted(name, extraSpec);
	}

}
