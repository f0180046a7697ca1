package dev.cairn.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit settings ({@code cairn.audit.*}). The key is the gateway's: keep it out of the
 * database the trail lives in, or anyone who can write there can forge entries.
 *
 * @param key the HMAC key, base64 of at least 32 random bytes; wins over {@code keyFile}
 * @param keyFile a file holding the key's base64 text
 * @param generateKey whether to create {@code keyFile} with a random key (owner-only
 * permissions) when it is missing; the sandbox profile turns it on
 */
@ConfigurationProperties("cairn.audit")
record AuditProperties(String key, Path keyFile, boolean generateKey) {

	/**
	 * The configured key.
	 * @param mayGenerate whether a missing key file may be generated (the server, not the
	 * verify command)
	 * @throws IllegalStateException when no key is configured or it cannot be read
	 */
	AuditKey loadKey(boolean mayGenerate) {
		if (this.key != null && !this.key.isBlank()) {
			return AuditKey.fromBase64(this.key);
		}
		if (this.keyFile != null) {
			return AuditKey.fromFile(this.keyFile, mayGenerate && this.generateKey);
		}
		throw new IllegalStateException("no audit key is configured: set cairn.audit.key to base64 of 32 random "
				+ "bytes (openssl rand -base64 32), or cairn.audit.key-file to a file holding it");
	}

}
