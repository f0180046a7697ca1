package dev.cairn.rego.internal.parser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import dev.cairn.rego.ConformanceFolder;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.ast.Printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses every module, query and {@code input_term} of OPA's v1 conformance cases: those
 * expecting {@code rego_parse_error} must fail to parse, all others must parse. Skipped
 * when the cases are not beside the project ({@code shared/opa-conformance/v1} in this or
 * a parent folder).
 */
class ConformanceParseTests {

	@Test
	void parsesWhatOpaParsesAndRejectsWhatItRejects() throws IOException {
		Path root = ConformanceFolder.find();
		assumeTrue(root != null, "OPA conformance cases not found");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		int parsed = 0;
		int rejected = 0;
		List<String> mismatches = new ArrayList<>();
		for (Path file : files) {
			for (Map<String, Object> c : cases(file)) {
				boolean wantParseError = "rego_parse_error".equals(c.get("want_error_code"));
				String note = root.relativize(file) + " " + c.get("note");
				String error = parseAll(c);
				if (error == null && wantParseError) {
					mismatches.add(note + ": parsed, but OPA rejects it");
				}
				else if (error != null && !wantParseError) {
					mismatches.add(note + ": " + error);
				}
				else if (error == null) {
					parsed++;
				}
				else {
					rejected++;
				}
			}
		}
		System.out.printf("conformance parse: %d parsed ok, %d expected parse errors caught, %d mismatches%n", parsed,
				rejected, mismatches.size());
		assertThat(mismatches).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void printedModulesParseBackToTheSameTree() throws IOException {
		Path root = ConformanceFolder.find();
		assumeTrue(root != null, "OPA conformance cases not found");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		List<String> differences = new ArrayList<>();
		int printed = 0;
		for (Path file : files) {
			for (Map<String, Object> c : cases(file)) {
				for (Object source : (List<Object>) c.getOrDefault("modules", List.of())) {
					boolean experimental = Boolean.TRUE.equals(c.get("experimental_keywords"));
					String once = Printer.print(RegoParser.parseModule("m.rego", String.valueOf(source), experimental));
					String twice;
					try {
						twice = Printer.print(RegoParser.parseModule("m.rego", once, experimental));
					}
					catch (RegoException ex) {
						twice = ex.getMessage();
					}
					printed++;
					if (!once.equals(twice) && differences.size() < 5) {
						differences.add(root.relativize(file) + " " + c.get("note") + ":\n" + once + "\n---\n" + twice);
					}
				}
			}
		}
		assertThat(printed).isGreaterThan(0);
		assertThat(differences).isEmpty();
	}

	/** The first parse error of the case's sources, or null when all parse. */
	@SuppressWarnings("unchecked")
	private static String parseAll(Map<String, Object> c) {
		try {
			List<Object> modules = (List<Object>) c.getOrDefault("modules", List.of());
			for (int i = 0; i < modules.size(); i++) {
				RegoParser.parseModule("module" + i + ".rego", String.valueOf(modules.get(i)),
						Boolean.TRUE.equals(c.get("experimental_keywords")));
			}
			if (c.get("query") != null) {
				RegoParser.parseQuery(String.valueOf(c.get("query")));
			}
			if (c.get("input_term") != null) {
				RegoParser.parseTerm(String.valueOf(c.get("input_term")));
			}
			return null;
		}
		catch (RegoException ex) {
			return ex.getMessage();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> cases(Path file) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(64 * 1024 * 1024);
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> doc = new Yaml(options).load(reader);
			return (doc != null) ? (List<Map<String, Object>>) doc.getOrDefault("cases", List.of()) : List.of();
		}
	}

}
