package dev.cairn.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a diagnosis made through a platform's own ports with one made through the real
 * adapters reading the same state from the backends' stand-ins.
 *
 * <p>
 * Two differences are the backends' and are normalised away: Kubernetes, Argo CD and
 * GitHub keep object times to the second (so every instant, in a field or written in a
 * text, is compared to the second); and an evidence item's source names the backend that
 * answered ({@code fake metrics} against {@code Prometheus (staging)}), so sources are
 * left out. A third is how a deploy whose sync failed is dated
 * ({@link #change(Finding)}). Everything else must be equal: verdict, headline, every
 * finding's code, role, service, summary, evidence texts, change, remediation and
 * contact.
 */
final class DiagnosisComparison {

	/** An RFC 3339 instant as {@code Instant.toString()} writes it, with its fraction. */
	private static final Pattern FRACTION = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.\\d+Z");

	/** How long before its failed sync ended a deploy may be dated. */
	private static final Duration FAILED_SYNC = Duration.ofMinutes(30);

	/** A finding with what is comparable across backends. */
	record Item(FindingCode code, FindingCode.Role role, String service, String summary, List<String> evidence,
			Finding.Change change, String remediation, Finding.Contact contact) {

	}

	/** A diagnosis with what is comparable across backends. */
	record Normal(Diagnosis.Verdict verdict, String headline, List<Item> findings) {

	}

	private DiagnosisComparison() {
	}

	static Normal normal(Diagnosis diagnosis) {
		List<Item> items = new ArrayList<>();
		for (Finding finding : diagnosis.findings()) {
			List<String> evidence = new ArrayList<>();
			for (Finding.Evidence item : finding.evidence()) {
				evidence.add(item.kind() + " @" + seconds(item.at()) + ": " + text(item.text()));
			}
			items.add(new Item(finding.code(), finding.role(), finding.service(), text(finding.summary()), evidence,
					change(finding), text(finding.remediation()), finding.contact()));
		}
		return new Normal(diagnosis.verdict(), text(diagnosis.headline()), items);
	}

	static Finding.Change change(Finding.Change change) {
		return (change != null) ? new Finding.Change(change.service(), change.version(), change.commit(),
				change.author(), seconds(change.at()), change.message()) : null;
	}

	/**
	 * The finding's change, comparable across backends. A deploy whose sync failed is
	 * dated differently by design: Argo CD keeps no record of it, and its adapter dates
	 * it when the sync operation finished (as Argo CD dates the deploys in its history,
	 * when they completed), while a source may date it when the sync began (the sandbox
	 * dates every release when the delivery system applied it). So when the finding shows
	 * the failed operation, a change dated within {@link #FAILED_SYNC} before the
	 * operation's end is dated by that end; one dated later, or much earlier, still
	 * differs.
	 */
	static Finding.Change change(Finding finding) {
		Finding.Change change = change(finding.change());
		Instant failed = failedSyncEnd(finding);
		if (change == null || failed == null || change.at() == null || change.at().isAfter(failed)
				|| change.at().isBefore(failed.minus(FAILED_SYNC))) {
			return change;
		}
		return new Finding.Change(change.service(), change.version(), change.commit(), change.author(), failed,
				change.message());
	}

	/** When the delivery's failed sync operation ended, as the finding shows it. */
	private static Instant failedSyncEnd(Finding finding) {
		for (Finding.Evidence item : finding.evidence()) {
			if ("delivery".equals(item.kind()) && item.at() != null && item.text().contains("last operation Failed")) {
				return seconds(item.at());
			}
		}
		return null;
	}

	private static Instant seconds(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.SECONDS) : null;
	}

	private static String text(String text) {
		return (text != null) ? FRACTION.matcher(text).replaceAll("$1Z") : null;
	}

	/**
	 * Asserts the two diagnoses agree: first what the diagnosis is for (verdict, codes in
	 * order, the root cause's service, change and key evidence), then everything else.
	 * @param notes what the projection could not hold, shown when they do not agree
	 */
	static void assertAgree(ParityScenario scenario, Diagnosis viaPorts, Diagnosis viaAdapters, List<String> notes) {
		String context = scenario.name() + (notes.isEmpty() ? "" : " (projection notes: " + notes + ")")
				+ "\nvia the ports:    " + DiagnosisText.of(viaPorts) + "\nvia the adapters: "
				+ DiagnosisText.of(viaAdapters);
		assertThat(String.join(", ", viaAdapters.consulted())).as("backends consulted in %s", context)
			.doesNotContain("fake");
		assertThat(viaAdapters.gaps()).as("gaps of %s", context).hasSameSizeAs(viaPorts.gaps());
		assertThat(viaAdapters.verdict()).as("verdict of %s", context).isEqualTo(viaPorts.verdict());
		assertThat(codes(viaAdapters)).as("finding codes of %s", context).containsExactlyElementsOf(codes(viaPorts));
		Finding root = viaPorts.rootCause();
		Finding rootViaAdapters = viaAdapters.rootCause();
		if (root != null) {
			assertThat(rootViaAdapters.service()).as("root cause's service in %s", context).isEqualTo(root.service());
			assertThat(change(rootViaAdapters)).as("root cause's change in %s", context).isEqualTo(change(root));
		}
		for (Diagnosis diagnosis : List.of(viaPorts, viaAdapters)) {
			String shown = (diagnosis.rootCause() != null) ? keyText(diagnosis.rootCause()) : diagnosis.headline();
			assertThat(shown).as("key evidence in %s", context).contains(scenario.keyEvidence());
		}
		assertThat(normal(viaAdapters)).as("the whole diagnosis of %s", context).isEqualTo(normal(viaPorts));
	}

	/** The root cause's summary and evidence, one per line. */
	private static String keyText(Finding finding) {
		StringBuilder text = new StringBuilder(finding.summary());
		finding.evidence().forEach((item) -> text.append('\n').append(item.text()));
		return text.toString();
	}

	private static List<FindingCode> codes(Diagnosis diagnosis) {
		return diagnosis.findings().stream().map(Finding::code).toList();
	}

}
