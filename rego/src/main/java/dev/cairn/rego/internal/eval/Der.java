package dev.cairn.rego.internal.eval;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader for the DER encoding of ASN.1 (X.690), enough for certificates, certificate
 * requests and keys. Malformed input throws {@link IllegalArgumentException} with a
 * message in the style of Go's {@code encoding/asn1} ({@code asn1: structure error:
 * ...}), which callers turn into builtin errors.
 *
 * @param tag the identifier octet (class, constructed bit and tag number)
 * @param content the content octets
 * @param encoded the whole element: identifier, length and content
 */
record Der(int tag, byte[] content, byte[] encoded) {

	static final int BOOLEAN = 0x01;

	static final int INTEGER = 0x02;

	static final int BIT_STRING = 0x03;

	static final int OCTET_STRING = 0x04;

	static final int OID = 0x06;

	static final int UTC_TIME = 0x17;

	static final int GENERALIZED_TIME = 0x18;

	static final int SEQUENCE = 0x30;

	static final int SET = 0x31;

	/** The single element that makes up all of {@code bytes}. */
	static Der parse(byte[] bytes) {
		List<Der> all = parseAll(bytes);
		if (all.size() != 1) {
			throw new IllegalArgumentException(
					all.isEmpty() ? "asn1: syntax error: sequence truncated" : "asn1: syntax error: trailing data");
		}
		return all.get(0);
	}

	/** The elements that follow one another in {@code bytes}. */
	static List<Der> parseAll(byte[] bytes) {
		List<Der> elements = new ArrayList<>();
		int pos = 0;
		while (pos < bytes.length) {
			if (bytes.length - pos < 2) {
				throw structureError("data truncated");
			}
			int start = pos;
			int tag = bytes[pos++] & 0xff;
			if ((tag & 0x1f) == 0x1f) {
				throw structureError("tags above 30 are not supported");
			}
			int length = bytes[pos++] & 0xff;
			if (length >= 0x80) {
				int count = length & 0x7f;
				if (count == 0 || count > 4 || bytes.length - pos < count) {
					throw structureError("length too large or indefinite");
				}
				length = 0;
				for (int i = 0; i < count; i++) {
					length = (length << 8) | (bytes[pos++] & 0xff);
				}
				if (length < 0) {
					throw structureError("length too large");
				}
			}
			if (bytes.length - pos < length) {
				throw structureError("data truncated");
			}
			elements.add(new Der(tag, Arrays.copyOfRange(bytes, pos, pos + length),
					Arrays.copyOfRange(bytes, start, pos + length)));
			pos += length;
		}
		return elements;
	}

	static IllegalArgumentException structureError(String detail) {
		return new IllegalArgumentException("asn1: structure error: " + detail);
	}

	/** The elements inside a constructed element (a sequence, a set, an explicit tag). */
	List<Der> children() {
		if ((this.tag & 0x20) == 0) {
			throw structureError("expected a constructed element, got tag " + this.tag);
		}
		return parseAll(this.content);
	}

	/** The element as the given type, or an error naming what was expected. */
	Der expect(int expectedTag, String what) {
		if (this.tag != expectedTag) {
			throw structureError("tags don't match (" + what + ")");
		}
		return this;
	}

	boolean isContext(int number) {
		return (this.tag & 0xc0) == 0x80 && (this.tag & 0x1f) == number;
	}

	BigInteger integer() {
		expect(INTEGER, "integer");
		if (this.content.length == 0) {
			throw structureError("empty integer");
		}
		return new BigInteger(this.content);
	}

	boolean bool() {
		expect(BOOLEAN, "boolean");
		return this.content.length == 1 && this.content[0] != 0;
	}

	/** The bits of a BIT STRING, without its count of unused bits. */
	byte[] bits() {
		expect(BIT_STRING, "bit string");
		if (this.content.length == 0) {
			throw structureError("zero length BIT STRING");
		}
		return Arrays.copyOfRange(this.content, 1, this.content.length);
	}

	/** An OBJECT IDENTIFIER as its arcs. */
	List<Long> oid() {
		expect(OID, "object identifier");
		List<Long> arcs = new ArrayList<>();
		long value = 0;
		for (byte b : this.content) {
			value = (value << 7) | (b & 0x7f);
			if ((b & 0x80) == 0) {
				if (arcs.isEmpty()) {
					long first = Math.min(value / 40, 2);
					arcs.add(first);
					arcs.add(value - first * 40);
				}
				else {
					arcs.add(value);
				}
				value = 0;
			}
		}
		if (arcs.isEmpty()) {
			throw structureError("zero length OBJECT IDENTIFIER");
		}
		return arcs;
	}

	static String dotted(List<Long> oid) {
		StringBuilder sb = new StringBuilder();
		for (Long arc : oid) {
			sb.append((sb.length() == 0) ? "" : ".").append(arc);
		}
		return sb.toString();
	}

	/** A string of any of the ASN.1 string types, as text. */
	String text() {
		return switch (this.tag) {
			case 0x1e -> new String(this.content, StandardCharsets.UTF_16BE);
			case 0x14 -> new String(this.content, StandardCharsets.ISO_8859_1);
			default -> new String(this.content, StandardCharsets.UTF_8);
		};
	}

	/** A UTCTime or GeneralizedTime as RFC 3339 text in UTC, as Go marshals times. */
	String time() {
		String s = new String(this.content, StandardCharsets.US_ASCII);
		LocalDateTime t;
		try {
			if (this.tag == UTC_TIME) {
				t = LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'"));
				// Two-digit years 50 to 99 are 1950 to 1999 (RFC 5280 section 4.1.2.5.1).
				if (t.getYear() >= 2050) {
					t = t.minusYears(100);
				}
			}
			else {
				t = LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'"));
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw structureError("invalid time " + s);
		}
		return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
	}

}
