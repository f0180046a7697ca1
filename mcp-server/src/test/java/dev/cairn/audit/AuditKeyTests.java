package dev.cairn.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AuditKeyTests {

	@Test
	void aGeneratedKeyFileIsReadableByItsOwnerOnlyAndKeptAcrossStarts(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data/audit.key");
		AuditKey first = AuditKey.fromFile(file, true);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
		AuditKey second = AuditKey.fromFile(file, true);
		Mac one = first.newMac();
		Mac two = second.newMac();
		assertThat(AuditKey.headMac(one, 1, "x")).isEqualTo(AuditKey.headMac(two, 1, "x"));
	}

	@Test
	void refusesMissingShortOrMalformedKeysWithAHint(@TempDir Path dir) {
		assertThatIllegalStateException().isThrownBy(() -> AuditKey.fromFile(dir.resolve("none.key"), false))
			.withMessageContaining("does not exist");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditKey.fromBase64("c2hvcnQ="))
			.withMessageContaining("at least 32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditKey.fromBase64("not base64!"))
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> new AuditProperties(null, null, true).loadKey(true))
			.withMessageContaining("cairn.audit.key");
	}

	@Test
	void eachMacHasItsOwnPurpose() {
		Mac mac = TestEntries.KEY.newMac();
		assertThat(AuditKey.argumentsDigest(mac, "1\nx")).isNotEqualTo(AuditKey.headMac(mac, 1, "x"));
	}

}
