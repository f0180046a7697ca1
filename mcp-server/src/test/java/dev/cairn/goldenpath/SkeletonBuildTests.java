package dev.cairn.goldenpath;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scaffolded services build and pass their own tests, with the build tools a
 * developer would use: Maven for the Spring Boot service (the repository's wrapper,
 * offline first), Go for the Go service, npm for the TypeScript service (from npm's cache
 * only). Slow (tens of seconds); skipped where the tool is missing. Excluded with
 * {@code -DexcludedGroups=skeleton-build}.
 */
@Tag("skeleton-build")
class SkeletonBuildTests {

	private static final long MINUTES = 10;

	@TempDir
	Path dir;

	@Test
	void theSpringBootServiceBuildsAndPassesItsTests() throws Exception {
		Path mvnw = Path.of("..", "mvnw").toAbsolutePath().normalize();
		assumeTrue(Files.isExecutable(mvnw), "no Maven wrapper at " + mvnw);
		Path repo = render("spring-boot-service");
		Result offline = run(repo, List.of(mvnw.toString(), "-o", "-q", "-B", "verify"));
		// A cache without the skeleton's dependencies (a fresh CI machine) fetches them.
		Result result = (offline.exit() != 0 && offline.output().contains("offline"))
				? run(repo, List.of(mvnw.toString(), "-q", "-B", "verify")) : offline;
		assertThat(result.exit()).as(result.output()).isZero();
		assertThat(repo.resolve("target/app.jar")).exists();
		assertThat(repo.resolve("target/surefire-reports")).isDirectoryContaining("glob:**ApplicationTests.txt");
	}

	@Test
	void theGoServiceBuildsAndPassesItsTests() throws Exception {
		assumeTrue(onPath("go"), "go is not on the PATH");
		Path repo = render("go-service");
		Result vet = run(repo, List.of("go", "vet", "./..."));
		assertThat(vet.exit()).as(vet.output()).isZero();
		Result build = run(repo, List.of("go", "build", "./..."));
		assertThat(build.exit()).as(build.output()).isZero();
		Result test = run(repo, List.of("go", "test", "-count=1", "-v", "./..."));
		assertThat(test.exit()).as(test.output()).isZero();
		assertThat(test.output()).contains("--- PASS: TestHealthEndpointsReportUp")
			.contains("--- PASS: TestMetricsCountRequestsInThePrometheusFormat");
	}

	@Test
	void theTypeScriptServiceBuildsAndPassesItsTestsWhenItsDependenciesAreCached() throws Exception {
		assumeTrue(onPath("npm") && onPath("node"), "npm is not on the PATH");
		Path repo = render("typescript-service");
		// No registry in the tests: only npm's cache, which a machine that ran npm before
		// has.
		Result install = run(repo, List.of("npm", "ci", "--offline", "--no-audit", "--no-fund"));
		assumeTrue(install.exit() == 0, "typescript and @types/node are not in npm's cache:\n" + install.output());
		Result test = run(repo, List.of("npm", "test"));
		assertThat(test.exit()).as(test.output()).isZero();
		assertThat(test.output()).contains("# pass 2").contains("# fail 0");
	}

	private Path render(String template) throws IOException {
		RenderedTree tree = new Renderer().render(GoldenPathFixtures.template(template),
				GoldenPathFixtures.fraudScorer());
		return RenderedTrees.write(tree, this.dir.resolve(template));
	}

	record Result(int exit, String output) {
	}

	private Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.dir, "build-", ".log");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		// Standard library only: nothing may be fetched.
		env.put("GOPROXY", "off");
		env.put("GOFLAGS", "-mod=mod");
		Process process = builder.start();
		if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return new Result(-1, command + " did not finish in " + MINUTES + " minutes:\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), String.join(" ", command) + "\n" + Files.readString(log));
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, tool))) {
				return true;
			}
		}
		return false;
	}

}
