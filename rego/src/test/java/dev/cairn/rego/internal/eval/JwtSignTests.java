package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.QueryResult;
import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtSignTests {

	private static final String POLICY = """
			package t

			token := io.jwt.encode_sign({"alg": input.alg, "typ": "JWT"}, {"iss": "cairn", "n": 1}, input.private)

			verified := io.jwt.decode_verify(token, {"cert": input.public, "alg": input.alg})

			tampered := io.jwt.decode_verify(concat(".", [parts[0], "eyJpc3MiOiJldmUifQ", parts[2]]),
				{"cert": input.public, "alg": input.alg})

			parts := split(token, ".")
			""";

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "RS512", "PS256", "PS384", "ES256", "ES384", "ES512" })
	void signedTokensVerifyWithThePublicKeyAndTamperingIsDetected(String alg) throws Exception {
		String[] jwks = switch (alg.substring(0, 2)) {
			case "ES" -> ecJwks(alg);
			default -> rsaJwks();
		};
		Value input = Values.parseJson("{\"alg\": \"" + alg + "\", \"private\": " + jwks[0] + ", \"public\": \""
				+ jwks[1].replace("\"", "\\\"") + "\"}");
		Value verified = query("x := data.t.verified", input);
		assertThat(verified.toString()).startsWith("[true, {\"alg\": \"" + alg + "\", \"typ\": \"JWT\"}")
			.endsWith("{\"iss\": \"cairn\", \"n\": 1}]");
		assertThat(query("x := data.t.tampered[0]", input)).isEqualTo(BoolValue.FALSE);
	}

	@Test
	void ecdsaSignaturesUseTheFixedSizeJwsForm() throws Exception {
		String[] jwks = ecJwks("ES512");
		Value input = Values.parseJson("{\"alg\": \"ES512\", \"private\": " + jwks[0] + "}");
		String signature = query("x := data.t.parts[2]", input).toString().replace("\"", "");
		// r and s of P-521 take 66 bytes each, whatever their leading zeros.
		assertThat(Base64.getUrlDecoder().decode(signature)).hasSize(132);
	}

	@Test
	void hmacTokensVerifyWithTheSameSecret() {
		Value token = query(
				"x := io.jwt.encode_sign_raw(`{\"alg\":\"HS384\"}`, `{\"sub\":\"a\"}`, `{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}`)",
				null);
		String jwt = token.toString().replace("\"", "");
		assertThat(query("x := io.jwt.verify_hs384(\"" + jwt + "\", \"secret\")", null)).isEqualTo(BoolValue.TRUE);
		assertThat(query("x := io.jwt.verify_hs384(\"" + jwt + "\", \"other\")", null)).isEqualTo(BoolValue.FALSE);
	}

	@Test
	void aKeyOfTheWrongTypeIsAnError() {
		Rego rego = Rego.builder().strictBuiltinErrors(true).build();
		assertThatExceptionOfType(RegoException.class)
			.isThrownBy(() -> rego
				.prepare("x := io.jwt.encode_sign({\"alg\": \"RS256\"}, {}, {\"kty\": \"oct\", \"k\": \"c2VjcmV0\"})")
				.evaluate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR))
			.withMessageContaining("cannot sign");
	}

	private static Value query(String query, Value input) {
		Rego rego = Rego.builder().module("t.rego", POLICY).strictBuiltinErrors(true).build();
		QueryResult result = (input != null) ? rego.prepare(query).evaluate(input) : rego.prepare(query).evaluate();
		assertThat(result.rows()).hasSize(1);
		return result.rows().get(0).get("x");
	}

	private static String[] rsaJwks() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
		RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
		String common = "\"kty\": \"RSA\", \"n\": \"" + b64(pub.getModulus()) + "\", \"e\": \""
				+ b64(pub.getPublicExponent()) + "\"";
		String priv = "{" + common + ", \"d\": \"" + b64(k.getPrivateExponent()) + "\", \"p\": \"" + b64(k.getPrimeP())
				+ "\", \"q\": \"" + b64(k.getPrimeQ()) + "\", \"dp\": \"" + b64(k.getPrimeExponentP())
				+ "\", \"dq\": \"" + b64(k.getPrimeExponentQ()) + "\", \"qi\": \"" + b64(k.getCrtCoefficient()) + "\"}";
		return new String[] { priv, "{" + common + "}" };
	}

	private static String[] ecJwks(String alg) throws Exception {
		String crv = switch (alg) {
			case "ES256" -> "P-256";
			case "ES384" -> "P-384";
			default -> "P-521";
		};
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(Jwk.curve(crv)));
		KeyPair pair = generator.generateKeyPair();
		ECPublicKey pub = (ECPublicKey) pair.getPublic();
		String common = "\"kty\": \"EC\", \"crv\": \"" + crv + "\", \"x\": \"" + b64(pub.getW().getAffineX())
				+ "\", \"y\": \"" + b64(pub.getW().getAffineY()) + "\"";
		String priv = "{" + common + ", \"d\": \"" + b64(((ECPrivateKey) pair.getPrivate()).getS()) + "\"}";
		return new String[] { priv, "{" + common + "}" };
	}

	private static String b64(BigInteger n) {
		byte[] bytes = n.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
