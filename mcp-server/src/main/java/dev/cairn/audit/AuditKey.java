package dev.cairn.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's audit key and the three MACs made with it: an entry's hash, the head's
 * seal and the arguments digest. Each MAC's input starts with its own tag, so a value
 * made for one purpose is never valid for another. The key is never stored in the
 * database: someone who can edit the database but not read the gateway's configuration
 * cannot forge an entry.
 */
final class AuditKey {

	static final int MIN_BYTES = 32;

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	AuditKey(byte[] key) {
		if (key.length < MIN_BYTES) {
			throw new IllegalArgumentException(
					"the audit key must be at least " + MIN_BYTES + " bytes (base64 of 32 random bytes)");
		}
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	/** The key from its base64 text ({@code cairn.audit.key}). */
	static AuditKey fromBase64(String base64) {
		try {
			return new AuditKey(Base64.getDecoder().decode(base64.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cairn.audit.key is not valid base64 of at least " + MIN_BYTES
					+ " bytes: " + ex.getMessage() + " (make one with: openssl rand -base64 32)");
		}
	}

	/**
	 * The key from a file holding its base64 text; when the file is missing and
	 * {@code generate} is set, a new random key is written there first, readable by the
	 * owner only.
	 * @throws IllegalStateException when the file is missing (and not generated) or
	 * unreadable
	 */
	static AuditKey fromFile(Path file, boolean generate) {
		try {
			if (!Files.exists(file)) {
				if (!generate) {
					throw new IllegalStateException("the audit key file " + file + " does not exist");
				}
				generate(file);
			}
			return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the audit key file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void generate(Path file) throws IOException {
		byte[] bytes = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(bytes);
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		try {
			// Created with owner-only permissions from the start, not chmod-ed
			// afterwards.
			if (posix) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Another process made it first: use theirs.
			return;
		}
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			out.write((Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
		}
		if (posix) {
			Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
		}
	}

	/**
	 * This thread's MAC instance, kept between calls (making one costs more than using
	 * it). Each MAC below is computed in one {@code doFinal}, which also resets it.
	 */
	Mac mac() {
		return this.macs.get();
	}

	/** A new MAC instance for one thread's use. */
	Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The hash an entry must carry at sequence {@code seq}: its MAC, in hex. */
	static String entryHash(Mac mac, AuditEntry entry, long seq) {
		return HEX.formatHex(mac.doFinal(entry.canonical(seq)));
	}

	/** The seal of a head that records {@code lastSeq} and {@code lastHash}. */
	static String headMac(Mac mac, long lastSeq, String lastHash) {
		return HEX.formatHex(
				mac.doFinal(("cairn.audit.head.v1\n" + lastSeq + "\n" + lastHash).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The digest of a call's canonical arguments. Keyed, unlike a plain SHA-256: the
	 * redacted copy stored beside it would otherwise let anyone who reads the trail test
	 * guesses for a masked password offline.
	 */
	static String argumentsDigest(Mac mac, String canonicalArguments) {
		return HEX.formatHex(
				mac.doFinal(("cairn.audit.arguments.v1\n" + canonicalArguments).getBytes(StandardCharsets.UTF_8)));
	}

}
