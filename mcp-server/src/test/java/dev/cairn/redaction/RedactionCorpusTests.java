package dev.cairn.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.cairn.redaction.SecretCorpus.Format;
import dev.cairn.redaction.SecretCorpus.Sample;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redaction corpus: generated samples of every secret format the redactor knows, each
 * embedded in the places secrets leak through (a log line, a JSON log document, a
 * JSON-like value as the audit trail keeps it, an exception with its stack trace, a URL,
 * an HTTP header), must come out with nothing of the secret left; and look-alikes that
 * operators need to read must come out unchanged.
 * <p>
 * The leak check: a sample leaks when any 8-character piece of one of its secret parts
 * (as written, or URL-encoded) survives redaction. Secret parts are the random parts of a
 * sample, not fixed prefixes or public ids; 8 characters of a random alphabet are
 * unlikely to occur by chance in the surrounding text (less than one in 10^9 per place
 * for hex, far less for base64), and short enough to catch a mask that stopped inside a
 * token. Parts shorter than 8 characters are not checked.
 */
class RedactionCorpusTests {

	static final int SAMPLES_PER_FORMAT = 10;

	static final int LOOK_ALIKES_PER_KIND = 20;

	static final int PIECE = 8;

	/** One place a secret can stand, and how it comes out of the redactor. */
	record Context(String name, Function<Sample, String> embed, Function<String, Object> wrap) {

		/** What the context holds, before redaction. */
		String original(Sample sample) {
			return String.valueOf(this.wrap.apply(this.embed.apply(sample)));
		}

		String redacted(Sample sample) {
			Object value = this.wrap.apply(this.embed.apply(sample));
			return (value instanceof String text) ? Redactor.text(text) : String.valueOf(Redactor.json(value));
		}

		static Context text(String name, Function<Sample, String> embed) {
			return new Context(name, embed, (text) -> text);
		}

	}

	static final List<Context> CONTEXTS = List.of(
			Context.text("log line",
					(sample) -> "2026-11-21T09:14:03.512Z ERROR 1 --- [payments-api] [nio-8080-exec-7] "
							+ "d.c.t.LedgerClient : ledger call failed after 3 attempts; last input " + sample.text()
							+ " (trace 4bf92f3577b34da6a3ce929d0e0e4736)"),
			Context
				.text("json document", (sample) -> "{\"@timestamp\":\"2026-11-21T09:14:03.512Z\",\"level\":\"ERROR\","
						+ "\"logger_name\":\"dev.cairn.telemetry.LedgerClient\",\"message\":\"ledger rejected "
						+ jsonEscaped(sample.text())
						+ "\",\"pod\":\"payments-api-7f9c8d6b5-x2k9q\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"),
			new Context("json value", Sample::text, (text) -> {
				Map<String, Object> event = new LinkedHashMap<>();
				event.put("service", "payments-api");
				event.put("message", text);
				event.put("attempt", 3);
				return event;
			}),
			Context.text("stack trace",
					(sample) -> "java.lang.IllegalStateException: could not apply " + sample.text()
							+ "\n\tat dev.cairn.telemetry.LedgerClient.send(LedgerClient.java:118)"
							+ "\n\tat dev.cairn.telemetry.LedgerClient.lambda$retry$2(LedgerClient.java:87)"
							+ "\n\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:317)"
							+ "\nCaused by: org.springframework.web.client.HttpClientErrorException$Unauthorized: "
							+ "401 Unauthorized: \"" + sample.text() + "\"\n\t... 12 more"),
			Context.text("url",
					(sample) -> "GET " + (sample.url().contains("://") ? sample.url()
							: "https://ledger.internal.example:8443/v2/entries?page=2&" + sample.url() + "&sort=desc")
							+ " -> 502 Bad Gateway in 1532 ms"),
			Context.text("http header",
					(sample) -> "POST /v2/entries HTTP/1.1\r\nHost: ledger.internal.example\r\n"
							+ "X-Request-Id: 0b6f5a8e-1c1e-4a49-9d4c-2f3b8a1c9e10\r\n" + sample.header()
							+ "\r\nContent-Type: application/json\r\n"));

	@Test
	void leaksNothingOfAnySecretFormatInAnyContext() {
		List<String> leaks = new ArrayList<>();
		int samples = 0;
		int redactions = 0;
		for (Format format : SecretCorpus.FORMATS) {
			for (Sample sample : format.samples(SAMPLES_PER_FORMAT)) {
				samples++;
				for (Context context : CONTEXTS) {
					redactions++;
					String redacted = context.redacted(sample);
					String piece = leakedPiece(redacted, sample.secrets());
					if (piece != null) {
						leaks.add(format.name() + " in " + context.name() + ": '" + piece + "' survives in "
								+ excerpt(redacted, piece));
					}
				}
			}
		}
		System.out.printf("redaction corpus: %d formats, %d samples, %d redactions in %d contexts, %d leaked%n",
				SecretCorpus.FORMATS.size(), samples, redactions, CONTEXTS.size(), leaks.size());
		assertThat(SecretCorpus.FORMATS).hasSizeGreaterThanOrEqualTo(30);
		assertThat(leaks).isEmpty();
	}

	@Test
	void everySampleHasSecretPartsLongEnoughToCheck() {
		for (Format format : SecretCorpus.FORMATS) {
			for (Sample sample : format.samples(SAMPLES_PER_FORMAT)) {
				assertThat(sample.secrets()).as(format.name()).anyMatch((secret) -> secret.length() >= PIECE);
				assertThat(sample.text()).as(format.name()).contains(sample.secrets().get(0));
			}
		}
	}

	@Test
	void leavesLookAlikesReadable() {
		Map<String, Integer> alteredByKind = new TreeMap<>();
		List<String> examples = new ArrayList<>();
		int values = 0;
		int redactions = 0;
		int altered = 0;
		for (LookAlikeCorpus.Kind kind : LookAlikeCorpus.KINDS) {
			for (String value : kind.samples(LOOK_ALIKES_PER_KIND)) {
				values++;
				Sample sample = Sample.of(value);
				for (Context context : CONTEXTS) {
					redactions++;
					String original = context.original(sample);
					String redacted = context.redacted(sample);
					if (!redacted.equals(original)) {
						altered++;
						alteredByKind.merge(kind.name(), 1, Integer::sum);
						if (examples.size() < 20) {
							examples.add(kind.name() + " in " + context.name() + ": " + value.replace("\n", "\\n")
									+ " -> " + redacted.replace("\n", "\\n"));
						}
					}
				}
			}
		}
		double rate = 100.0 * altered / redactions;
		System.out.printf("look-alikes: %d kinds, %d values, %d redactions in %d contexts, %d altered (%.2f%%)%s%n",
				LookAlikeCorpus.KINDS.size(), values, redactions, CONTEXTS.size(), altered, rate,
				alteredByKind.isEmpty() ? "" : " " + alteredByKind);
		examples.forEach(System.out::println);
		assertThat(values).isGreaterThanOrEqualTo(300);
		assertThat(rate).isLessThanOrEqualTo(1.0);
	}

	/**
	 * The first 8-character piece of a secret part (as written or URL-encoded) found in
	 * the text.
	 */
	static String leakedPiece(String text, List<String> secrets) {
		for (String secret : secrets) {
			for (String form : List.of(secret, SecretCorpus.encode(secret))) {
				for (int start = 0; start + PIECE <= form.length(); start++) {
					String piece = form.substring(start, start + PIECE);
					if (text.contains(piece)) {
						return piece;
					}
				}
			}
		}
		return null;
	}

	private static String excerpt(String text, String piece) {
		int at = text.indexOf(piece);
		return "..." + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40)).replace("\n", "\\n")
				+ "...";
	}

	private static String jsonEscaped(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
