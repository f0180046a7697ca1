package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrivateKeysTests {

	@Test
	void ecKeysShowTheirPublicPointEvenWhenTheEncodingLeavesItOut() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		KeyPair pair = generator.generateKeyPair();
		ObjectValue key = (ObjectValue) ((ArrayValue) eval("crypto.parse_private_keys", pem("PRIVATE KEY", pair)))
			.elements()
			.get(0);
		ECPublicKey pub = (ECPublicKey) pair.getPublic();
		assertThat(key.get("X")).isEqualTo(NumberValue.of(pub.getW().getAffineX()));
		assertThat(key.get("Y")).isEqualTo(NumberValue.of(pub.getW().getAffineY()));
		assertThat(key.get("D")).isEqualTo(NumberValue.of(((ECPrivateKey) pair.getPrivate()).getS()));
		assertThat(key.get("Curve")).isEqualTo(ObjectValue.EMPTY);
	}

	@Test
	void ed25519KeysAreSeedAndPublicKeyAsGoHoldsThem() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String key = ((StringValue) ((ArrayValue) eval("crypto.parse_private_keys", pem("PRIVATE KEY", pair)))
			.elements()
			.get(0)).value();
		byte[] bytes = Base64.getDecoder().decode(key);
		byte[] publicKey = pair.getPublic().getEncoded();
		assertThat(Arrays.copyOfRange(bytes, 32, 64))
			.isEqualTo(Arrays.copyOfRange(publicKey, publicKey.length - 32, publicKey.length));
	}

	@Test
	void rsaKeysBecomeJwksAndBase64OfPemIsAccepted() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		KeyPair pair = generator.generateKeyPair();
		String b64 = Base64.getEncoder().encodeToString(pem("PRIVATE KEY", pair).getBytes());
		ObjectValue jwk = (ObjectValue) eval("crypto.x509.parse_rsa_private_key", b64);
		assertThat(jwk.get("kty")).isEqualTo(StringValue.of("RSA"));
		BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(((StringValue) jwk.get("n")).value()));
		assertThat(n).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
	}

	@Test
	void textWithoutKeysGivesNoKeysAndEmptyTextNull() {
		assertThat(eval("crypto.parse_private_keys", "no keys here")).isEqualTo(ArrayValue.of());
		assertThat(eval("crypto.parse_private_keys", "")).isEqualTo(NullValue.NULL);
	}

	@Test
	void malformedBase64IsAnError() {
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> eval("crypto.x509.parse_certificates", "abc!"))
			.withMessageContaining("illegal base64 data at input byte 3");
	}

	private static Value eval(String builtin, String argument) {
		Rego rego = Rego.builder().strictBuiltinErrors(true).build();
		return rego.prepare("x := " + builtin + "(`" + argument + "`)").evaluate().rows().get(0).get("x");
	}

	private static String pem(String type, KeyPair pair) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END " + type + "-----\n";
	}

}
