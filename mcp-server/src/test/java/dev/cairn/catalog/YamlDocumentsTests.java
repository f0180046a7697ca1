package dev.cairn.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlDocumentsTests {

	@Test
	void readsEveryDocumentWithTheLineOfEachField() {
		List<YamlDocuments.Document> documents = YamlDocuments.read("""
				# leading comment
				kind: Component
				metadata:
				  name: a
				---
				kind: Group
				spec:
				  members:
				    - x
				    - y
				""");
		assertThat(documents).hasSize(2);
		assertThat(documents.get(0).line()).isEqualTo(2);
		assertThat(documents.get(0).lineOf("metadata.name")).isEqualTo(4);
		assertThat(documents.get(1).lineOf("spec.members[1]")).isEqualTo(10);
		assertThat(documents.get(1).lineOf("spec.members[7]")).isEqualTo(8);
		assertThat(documents.get(1).value())
			.isEqualTo(Map.of("kind", "Group", "spec", Map.of("members", List.of("x", "y"))));
	}

	@Test
	void aSyntaxErrorLosesOnlyItsOwnDocument() {
		List<YamlDocuments.Document> documents = YamlDocuments.read("""
				kind: A
				---
				kind: [unclosed
				---
				kind: C
				""");
		assertThat(documents).hasSize(3);
		assertThat(documents.get(0).error()).isNull();
		assertThat(documents.get(1).error()).startsWith("malformed YAML");
		assertThat(documents.get(1).line()).isBetween(3, 4);
		assertThat(documents.get(2).value()).isEqualTo(Map.of("kind", "C"));
	}

	@Test
	void reportsDuplicateKeysWithTheirLine() {
		List<YamlDocuments.Document> documents = YamlDocuments.read("""
				kind: A
				metadata:
				  name: a
				  name: b
				""");
		assertThat(documents.get(0).error()).contains("duplicate key \"metadata.name\"");
		assertThat(documents.get(0).line()).isEqualTo(4);
	}

	@Test
	void keepsScalarTypesAndIgnoresEmptyDocuments() {
		List<YamlDocuments.Document> documents = YamlDocuments
			.read("---\n# only a comment\n---\na: 1\nb: true\nc: ~\nd: '1'\n");
		assertThat(documents).hasSize(1);
		Map<?, ?> value = (Map<?, ?>) documents.get(0).value();
		assertThat(value.get("a")).isEqualTo(1L);
		assertThat(value.get("b")).isEqualTo(true);
		assertThat(value.containsKey("c")).isTrue();
		assertThat(value.get("c")).isNull();
		assertThat(value.get("d")).isEqualTo("1");
	}

	@Test
	void stopsRecursiveAliasesInsteadOfLooping() {
		List<YamlDocuments.Document> documents = YamlDocuments.read("a: &x [*x]\n");
		assertThat(documents.get(0).error()).isNotNull();
	}

}
