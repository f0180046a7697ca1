package dev.cairn.rego.internal.eval;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code providers.aws.sign_req} against AWS's published Signature Version 4 example
 * ("get-vanilla"), beyond the OPA conformance cases, which sign lower-case methods and
 * empty paths.
 */
class AwsSigningTests {

	@Test
	void signsAwsGetVanillaExample() {
		Value signed = evaluate(
				"""
						package t

						x := providers.aws.sign_req(
							{"method": "GET", "url": "https://example.amazonaws.com/"},
							{"aws_access_key": "AKIDEXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
							 "aws_service": "service", "aws_region": "us-east-1"},
							1440938160000000000)
						""");
		assertThat(signed.toString()).contains(
				"\"Authorization\": \"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
						+ "SignedHeaders=host;x-amz-date,"
						+ "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31\"")
			.contains("\"x-amz-date\": \"20150830T123600Z\"")
			.doesNotContain("x-amz-content-sha256");
	}

	@Test
	void sortsQueryParametersIntoTheSignature() {
		String a = evaluate(policy("https://example.amazonaws.com/?b=2&a=1")).toString();
		String b = evaluate(policy("https://example.amazonaws.com/?a=1&b=2")).toString();
		String c = evaluate(policy("https://example.amazonaws.com/?a=1&b=3")).toString();
		assertThat(signature(a)).isEqualTo(signature(b)).isNotEqualTo(signature(c));
	}

	private static String policy(String url) {
		return "package t\n\nx := providers.aws.sign_req({\"method\": \"GET\", \"url\": \"" + url
				+ "\"}, {\"aws_access_key\": \"A\", \"aws_secret_access_key\": \"S\", \"aws_service\": \"sqs\", \"aws_region\": \"eu-west-1\"}, 0)\n";
	}

	private static String signature(String signed) {
		return signed.replaceAll("(?s).*Signature=([0-9a-f]+).*", "$1");
	}

	private static Value evaluate(String module) {
		return Rego.builder()
			.module("t.rego", module)
			.strictBuiltinErrors(true)
			.build()
			.prepare("x := data.t.x")
			.evaluate()
			.rows()
			.get(0)
			.get("x");
	}

}
