package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM blocks as Go's {@code encoding/pem} finds them: text before a block is skipped, a
 * block needs matching {@code BEGIN} and {@code END} lines and a base64 body, and a
 * malformed block is passed over in favour of the next one.
 */
final class Pem {

	private static final String BEGIN = "-----BEGIN ";

	private static final String DASHES = "-----";

	private Pem() {
	}

	/**
	 * One PEM block.
	 *
	 * @param type the word(s) after {@code BEGIN}, such as {@code CERTIFICATE}
	 * @param bytes the decoded body
	 */
	record Block(String type, byte[] bytes) {
	}

	/**
	 * The first block in {@code text} and what follows it.
	 *
	 * @param block the block, or {@code null} if there is none
	 * @param rest the text after the block (all of {@code text} if there is none)
	 */
	record Decoded(Block block, String rest) {
	}

	static boolean startsAsPem(String text) {
		return text.startsWith("-----BEGIN");
	}

	static Decoded decode(String text) {
		int from = 0;
		while (true) {
			int begin = text.indexOf(BEGIN, from);
			if (begin < 0) {
				return new Decoded(null, text);
			}
			from = begin + BEGIN.length();
			int typeEnd = text.indexOf(DASHES, from);
			int lineEnd = lineEnd(text, from);
			if (typeEnd < 0 || typeEnd > lineEnd) {
				continue;
			}
			String type = text.substring(from, typeEnd);
			String endLine = "-----END " + type + DASHES;
			int end = text.indexOf(endLine, typeEnd);
			if (end < 0) {
				continue;
			}
			String body = bodyWithoutHeaders(text.substring(Math.min(lineEnd + 1, end), end));
			byte[] bytes;
			try {
				bytes = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			String rest = text.substring(end + endLine.length());
			rest = rest.isBlank() ? "" : rest.replaceFirst("^[ \t]*\r?\n", "");
			return new Decoded(new Block(type, bytes), rest);
		}
	}

	/** All blocks in {@code text}, in order. */
	static List<Block> decodeAll(String text) {
		List<Block> blocks = new ArrayList<>();
		Decoded d = decode(text);
		while (d.block() != null) {
			blocks.add(d.block());
			d = decode(d.rest());
		}
		return blocks;
	}

	private static int lineEnd(String text, int from) {
		int nl = text.indexOf('\n', from);
		return (nl < 0) ? text.length() : nl;
	}

	private static String bodyWithoutHeaders(String body) {
		// RFC 1421 headers ("Proc-Type: ...") end at the first blank line.
		if (body.contains(":")) {
			int blank = body.indexOf("\n\n");
			if (blank < 0) {
				blank = body.indexOf("\r\n\r\n");
			}
			if (blank >= 0) {
				return body.substring(blank).strip();
			}
		}
		return body;
	}

}
