package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataBuiltinsTests {

	@Test
	void chainWalksFromTheRuleThroughItsPackageToEnclosingPackages() {
		Rego rego = Rego.builder().module("root.rego", """
				# METADATA
				# scope: subpackages
				# organizations: [platform]
				package cairn
				""").module("authz.rego", """
				# METADATA
				# title: Gateway authorization
				package cairn.authz

				# METADATA
				# title: Deny production deploys without approval
				# authors:
				# - Dana Ops <dana@example.com>
				# - ops@example.com
				# related_resources:
				# - https://runbooks.example.com/deploys
				# custom:
				#   severity: high
				deny contains rego.metadata.chain()
				""").build();
		String chain = Values.toJsonText(rego.prepare("x := data.cairn.authz.deny").evaluate().rows().get(0).get("x"));
		assertThat(chain).isEqualTo("[["
				+ "{\"annotations\":{\"authors\":[{\"email\":\"dana@example.com\",\"name\":\"Dana Ops\"},"
				+ "{\"email\":\"ops@example.com\"}],\"custom\":{\"severity\":\"high\"},"
				+ "\"related_resources\":[{\"ref\":\"https://runbooks.example.com/deploys\"}],\"scope\":\"rule\","
				+ "\"title\":\"Deny production deploys without approval\"},\"path\":[\"cairn\",\"authz\",\"deny\"]},"
				+ "{\"annotations\":{\"scope\":\"package\",\"title\":\"Gateway authorization\"},\"path\":[\"cairn\",\"authz\"]},"
				+ "{\"annotations\":{\"organizations\":[\"platform\"],\"scope\":\"subpackages\"},\"path\":[\"cairn\"]}]]");
	}

	@Test
	void ruleIsEmptyWithoutRuleAnnotationsAndInQueries() {
		Rego rego = Rego.builder().module("p.rego", "package p\n\nr := rego.metadata.rule()\n").build();
		assertThat(rego.prepare("x := data.p.r").evaluate().rows().get(0).get("x").toString()).isEqualTo("{}");
		assertThat(rego.prepare("x := rego.metadata.chain()").evaluate().rows().get(0).get("x").toString())
			.isEqualTo("[]");
	}

}
