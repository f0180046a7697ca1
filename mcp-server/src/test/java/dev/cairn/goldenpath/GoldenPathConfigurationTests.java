package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenPathConfigurationTests {

	@Test
	void theCopyShippedInTheJarHoldsEveryFileOfTheFolderDotFilesIncluded() throws IOException {
		Path extracted = GoldenPathConfiguration.extractShipped();
		assertThat(files(extracted))
			.isEqualTo(files(GoldenPathFixtures.SHIPPED).stream().filter((path) -> !path.equals("README.md")).toList())
			.contains("go-service/skeleton/.github/workflows/ci.yaml", "go-service/skeleton/.gitignore");
		assertThat(TemplateLoader.load(extracted).templates()).hasSize(3);
	}

	private static List<String> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

}
