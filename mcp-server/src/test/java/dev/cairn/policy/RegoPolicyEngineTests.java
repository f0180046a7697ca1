package dev.cairn.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.watch.FolderWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The in-process engine: a folder read as OPA reads it, one revision per content, hot
 * reload, and a broken change rejected with its position while the previous revision
 * keeps deciding.
 */
class RegoPolicyEngineTests {

	@TempDir
	Path root;

	static String policy(String allowReadsOnly) {
		return """
				package cairn.authz

				default decision := {"allow": false, "reasons": ["not_permitted"], "hint": "no", "approval": null, "obligations": {}}

				decision := {"allow": true, "reasons": [], "hint": null, "approval": null, "obligations": {}} if {
					%s
				}
				"""
			.formatted(allowReadsOnly);
	}

	private void write(String file, String text) throws IOException {
		Path path = this.root.resolve(file);
		Files.createDirectories(path.getParent());
		// Write to a sibling and move, as editors do, so the watcher never sees half a
		// file.
		Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
		Files.writeString(temporary, text);
		Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private RegoPolicyEngine engine() {
		return new RegoPolicyEngine(this.root, TestInputs.ENTRYPOINT, Duration.ofSeconds(5), TestInputs.CLOCK);
	}

	private static PolicyInput read() {
		return TestInputs.call(TestInputs.user("dave"), TestInputs.read("catalog_search"), null, null);
	}

	private static PolicyInput change() {
		return TestInputs.call(TestInputs.user("alice"), TestInputs.change("deploy_service"), "payment-api", "staging");
	}

	@Test
	void decidesWithTheFolderAndItsData() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.tool in data.cairn.settings.open_tools"));
		write("cairn/settings/data.json", "{\"open_tools\": [\"catalog_search\"]}");
		PolicyService service = new PolicyService(engine(), TestInputs.CLOCK);
		assertThat(service.decide(read()).allowed()).isTrue();
		assertThat(service.decide(change())).isInstanceOf(Decision.Deny.class);
	}

	@Test
	void readsYamlDataAtItsFolderPath() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.tool in data.cairn.settings.open_tools"));
		write("cairn/settings/tools.yaml", "open_tools:\n  - catalog_search\n");
		assertThat(new PolicyService(engine(), TestInputs.CLOCK).decide(read()).allowed()).isTrue();
	}

	@Test
	void tellsListenersOfEachNewRevisionButNotOfRejectedOrUnchangedOnes() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		java.util.List<String> told = new java.util.ArrayList<>();
		engine.onNewRevision(() -> told.add(engine.revision()));
		engine.reload();
		write("cairn/authz/authz.rego", "package cairn.authz\n\ndecision := {");
		engine.reload();
		assertThat(told).isEmpty();
		write("cairn/authz/authz.rego", policy("input.action.read_only == true"));
		engine.reload();
		assertThat(told).containsExactly(engine.revision());
	}

	@Test
	void theRevisionIsAShortHashOfWhatIsServed() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		String first = engine.revision();
		assertThat(first).matches("[0-9a-f]{12}");
		assertThat(engine.evaluate(read()).revision()).isEqualTo(first);
		// Tests, hidden and editor files are not part of a revision.
		write("cairn/authz/authz_test.rego", "package cairn.authz_test\n\ntest_x if true\n");
		write("cairn/authz/.#authz.rego", "not rego at all");
		write("cairn/authz/notes.txt", "not read");
		engine.reload();
		assertThat(engine.revision()).isEqualTo(first);
		assertThat(engine().revision()).isEqualTo(first);
		write("cairn/authz/authz.rego", policy("input.action.read_only == true"));
		engine.reload();
		assertThat(engine.revision()).matches("[0-9a-f]{12}").isNotEqualTo(first);
	}

	@Test
	void aBrokenChangeIsRejectedAndThePreviousRevisionKeepsServing() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		String good = engine.revision();
		write("cairn/authz/authz.rego", policy("input.action.read_only ==") + "\n");
		assertThat(engine.reload()).isFalse();
		assertThat(engine.lastError()).startsWith(this.root.resolve("cairn/authz/authz.rego") + ":7:1: ")
			.contains("rego_parse_error");
		assertThat(engine.revision()).isEqualTo(good);
		PolicyService service = new PolicyService(engine, TestInputs.CLOCK);
		Decision decision = service.decide(read());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.revision()).isEqualTo(good);
	}

	@Test
	void aChangeThatFailsToEvaluateIsRejected() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		String good = engine.revision();
		// Parses, but every evaluation is a conflict.
		write("cairn/authz/authz.rego", policy("input.action.read_only") + """

				decision := {"allow": false} if { true }
				""");
		assertThat(engine.reload()).isFalse();
		assertThat(engine.lastError()).contains("eval_conflict_error").contains("probe input");
		assertThat(engine.revision()).isEqualTo(good);
	}

	@Test
	void badDataIsRejected() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		write("cairn/settings/data.json", "{\"open_tools\": [");
		assertThat(engine.reload()).isFalse();
		assertThat(engine.lastError())
			.startsWith(this.root.resolve("cairn/settings/data.json") + ": invalid data file");
		write("cairn/settings/data.json", "{\"authz\": 1}");
		write("data.json", "{\"cairn\": {\"settings\": {\"authz\": 2}}}");
		assertThat(engine.reload()).isFalse();
		assertThat(engine.lastError()).contains("overlaps");
	}

	@Test
	void withoutAnyRevisionEveryDecisionFailsClosed() throws IOException {
		RegoPolicyEngine missing = new RegoPolicyEngine(this.root.resolve("nowhere"), TestInputs.ENTRYPOINT,
				Duration.ofSeconds(5), TestInputs.CLOCK);
		assertThat(missing.revision()).isEqualTo("none");
		assertThat(missing.lastError()).contains("does not exist");
		Decision.Deny deny = OpaServerEngineTests
			.unavailable(new PolicyService(missing, TestInputs.CLOCK).decide(read()));
		assertThat(deny.error()).startsWith("no policy loaded from " + this.root.resolve("nowhere"));
		assertThat(deny.revision()).isEqualTo("none");

		write("README.md", "no modules here");
		RegoPolicyEngine empty = engine();
		assertThat(empty.lastError()).startsWith("no .rego files under policy folder");
		write("cairn/authz/authz.rego", "package cairn.authz\n\nallow if {\n");
		RegoPolicyEngine broken = engine();
		assertThat(broken.revision()).isEqualTo("none");
		assertThat(broken.lastError()).contains("authz.rego:").contains("rego_parse_error");
	}

	@Test
	void anUndefinedEntrypointFailsClosed() throws IOException {
		write("cairn/authz/authz.rego", "package cairn.authz\n\ndecision := {\"allow\": true} if input.never\n");
		Decision.Deny deny = OpaServerEngineTests
			.unavailable(new PolicyService(engine(), TestInputs.CLOCK).decide(read()));
		assertThat(deny.error()).contains("undefined");
	}

	@Test
	void anEvaluationErrorFailsClosed() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only") + """

				decision := {"allow": false} if { input.action.tool == "explode" }
				""");
		PolicyService service = new PolicyService(engine(), TestInputs.CLOCK);
		Decision.Deny deny = OpaServerEngineTests.unavailable(
				service.decide(TestInputs.call(TestInputs.user("dave"), TestInputs.read("explode"), null, null)));
		assertThat(deny.error()).startsWith("evaluating data.cairn.authz.decision failed: ")
			.contains("eval_conflict_error");
		assertThat(service.decide(read()).allowed()).isTrue();
	}

	@Test
	void aSlowEvaluationFailsClosed() throws IOException {
		write("cairn/authz/authz.rego", policy("input.action.read_only") + """

				# Nine million steps that never succeed.
				spin if {
					some i in numbers.range(1, 3000)
					some j in numbers.range(1, 3000)
					i * j < 0
				}

				decision := {"allow": false} if { input.action.tool == "spin"; spin }
				""");
		RegoPolicyEngine engine = new RegoPolicyEngine(this.root, TestInputs.ENTRYPOINT, Duration.ofMillis(50),
				TestInputs.CLOCK);
		Decision.Deny deny = OpaServerEngineTests.unavailable(new PolicyService(engine, TestInputs.CLOCK)
			.decide(TestInputs.call(TestInputs.user("dave"), TestInputs.read("spin"), null, null)));
		assertThat(deny.error()).contains("evaluating data.cairn.authz.decision failed");
	}

	@Test
	void refusesAnEntrypointThatIsNotARefIntoData() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RegoPolicyEngine(this.root, "data.x; true", Duration.ofSeconds(1), TestInputs.CLOCK))
			.withMessageContaining("cairn.policy.entrypoint");
	}

	@Test
	void hotReloadPicksUpAGoodChangeAndRejectsABrokenOne() throws Exception {
		write("cairn/authz/authz.rego", policy("input.action.read_only"));
		RegoPolicyEngine engine = engine();
		PolicyService service = new PolicyService(engine, TestInputs.CLOCK);
		String first = engine.revision();
		assertThat(service.decide(change())).isInstanceOf(Decision.Deny.class);
		try (FolderWatcher watcher = new FolderWatcher(this.root, "policy-test", engine::reload)) {
			write("cairn/authz/authz.rego", policy("true"));
			await(() -> !engine.revision().equals(first));
			String second = engine.revision();
			Decision allowed = service.decide(change());
			assertThat(allowed.allowed()).isTrue();
			assertThat(allowed.revision()).isEqualTo(second).isNotEqualTo(first);

			write("cairn/authz/authz.rego", "package cairn.authz\n\ndecision := {\n");
			await(() -> engine.lastError() != null);
			assertThat(engine.lastError()).contains("authz.rego:").contains("rego_parse_error");
			assertThat(engine.revision()).isEqualTo(second);
			assertThat(service.decide(change()).revision()).isEqualTo(second);

			Files.createDirectories(this.root.resolve("cairn/settings"));
			write("cairn/authz/authz.rego", policy("input.action.tool in data.cairn.settings.open_tools"));
			write("cairn/settings/data.json", "{\"open_tools\": [\"deploy_service\"]}");
			await(() -> engine.lastError() == null && !List.of(first, second).contains(engine.revision()));
			assertThat(service.decide(change()).allowed()).isTrue();
			assertThat(service.decide(read())).isInstanceOf(Decision.Deny.class);
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("the watcher reloads within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
