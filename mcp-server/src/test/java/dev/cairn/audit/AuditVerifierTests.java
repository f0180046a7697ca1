package dev.cairn.audit;

import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What verify reports for each kind of tampering, on small trails held in memory: the
 * kind of anomaly, and the sequence where it shows.
 */
class AuditVerifierTests {

	private final List<AuditEntry> trail = chain(TestEntries.calls(10, 1, 7));

	@Test
	void anIntactTrailHasNoAnomalies() {
		assertThat(verify(this.trail, headOf(this.trail)).anomalies()).isEmpty();
		assertThat(verify(List.of(), new AuditStore.Head(0, AuditEntry.GENESIS, null)).anomalies())
			.as("a trail never written to")
			.isEmpty();
	}

	@Test
	void anEditedFieldBreaksTheEntrysMac() {
		List<AuditEntry> tampered = new ArrayList<>(this.trail);
		AuditEntry entry = tampered.get(4);
		tampered.set(4,
				new AuditEntry(entry.seq(), entry.type(), entry.at(), entry.requestId(), "user:default/mallory",
						entry.principalKind(), entry.agentClient(), entry.onBehalfOf(), entry.channel(), entry.tool(),
						entry.target(), entry.argumentsDigest(), entry.arguments(), entry.decision(), entry.reasons(),
						entry.policyRevision(), entry.decidedSeq(), entry.outcome(), entry.outcomeDetail(),
						entry.latencyMicros(), entry.prevHash(), entry.hash()));
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail))))
			.containsExactly(tuple(Anomaly.Kind.NOT_AUTHENTIC, 5L));
	}

	@Test
	void aDeletedEntryLeavesAGapAndABrokenLink() {
		List<AuditEntry> tampered = new ArrayList<>(this.trail);
		tampered.remove(6);
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail)))).containsExactly(tuple(Anomaly.Kind.MISSING, 7L),
				tuple(Anomaly.Kind.BROKEN_LINK, 8L));
	}

	@Test
	void anInsertedEntryIsNamedOnceAndTheRenumberedRestOnlyWhereItStarts() {
		List<AuditEntry> tampered = new ArrayList<>();
		for (AuditEntry entry : this.trail) {
			long seq = (entry.seq() >= 5) ? entry.seq() + 1 : entry.seq();
			tampered.add(entry.sealed(seq, entry.prevHash(), entry.hash()));
		}
		AuditEntry previous = tampered.get(3);
		tampered.add(4, previous.sealed(5, previous.hash(), "e".repeat(64)));
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail)))).containsExactly(
				tuple(Anomaly.Kind.NOT_AUTHENTIC, 5L), tuple(Anomaly.Kind.MOVED, 6L),
				tuple(Anomaly.Kind.BROKEN_LINK, 6L), tuple(Anomaly.Kind.BEYOND_HEAD, 21L));
	}

	@Test
	void swappedEntriesAreReportedWhereTheyMoved() {
		List<AuditEntry> tampered = new ArrayList<>(this.trail);
		AuditEntry fifth = tampered.get(4);
		AuditEntry sixth = tampered.get(5);
		tampered.set(4, sixth.sealed(5, sixth.prevHash(), sixth.hash()));
		tampered.set(5, fifth.sealed(6, fifth.prevHash(), fifth.hash()));
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail)))).containsExactly(tuple(Anomaly.Kind.MOVED, 5L),
				tuple(Anomaly.Kind.BROKEN_LINK, 5L), tuple(Anomaly.Kind.MOVED, 6L), tuple(Anomaly.Kind.BROKEN_LINK, 6L),
				tuple(Anomaly.Kind.BROKEN_LINK, 7L));
	}

	@Test
	void aTruncatedTailIsCaughtByTheHead() {
		List<AuditEntry> tampered = this.trail.subList(0, 17);
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail))))
			.containsExactly(tuple(Anomaly.Kind.TRUNCATED, 18L));
	}

	@Test
	void aForgedMissingOrUnsealedHeadIsReported() {
		AuditStore.Head head = headOf(this.trail);
		assertThat(kindsAndSeqs(verify(this.trail, new AuditStore.Head(19, head.lastHash(), head.mac()))))
			.containsExactly(tuple(Anomaly.Kind.BAD_HEAD, null));
		assertThat(kindsAndSeqs(verify(this.trail, null))).containsExactly(tuple(Anomaly.Kind.BAD_HEAD, null));
		assertThat(kindsAndSeqs(verify(this.trail, new AuditStore.Head(0, AuditEntry.GENESIS, null))))
			.containsExactly(tuple(Anomaly.Kind.BAD_HEAD, null));
	}

	@Test
	void aReplacedLastEntryDoesNotMatchTheHead() {
		List<AuditEntry> shorter = chain(TestEntries.calls(10, 1, 7).subList(0, 19));
		List<AuditEntry> other = chain(TestEntries.calls(10, 1, 8));
		List<AuditEntry> tampered = new ArrayList<>(shorter);
		tampered.add(other.get(19).sealed(20, shorter.get(18).hash(), other.get(19).hash()));
		assertThat(kindsAndSeqs(verify(tampered, headOf(this.trail))))
			.containsExactly(tuple(Anomaly.Kind.NOT_AUTHENTIC, 20L), tuple(Anomaly.Kind.HEAD_MISMATCH, 20L));
	}

	@Test
	void aTrailWrittenWithAnotherKeyIsNotAuthenticAnywhere() {
		AuditKey other = new AuditKey(new byte[32]);
		AuditVerifier verifier = new AuditVerifier(other);
		this.trail.forEach(verifier::accept);
		AuditVerifier.Report report = verifier.finish(headOf(this.trail));
		assertThat(report.anomalies()).hasSize(21)
			.filteredOn((anomaly) -> anomaly.kind() == Anomaly.Kind.NOT_AUTHENTIC)
			.hasSize(20);
	}

	/** Seals entries as the store does, from sequence 1. */
	static List<AuditEntry> chain(List<AuditEntry> entries) {
		Mac mac = TestEntries.KEY.newMac();
		List<AuditEntry> chained = new ArrayList<>();
		String prev = AuditEntry.GENESIS;
		long seq = 0;
		for (AuditEntry entry : entries) {
			seq++;
			AuditEntry linked = entry.sealed(seq, prev, null);
			AuditEntry sealed = linked.sealed(seq, prev, AuditKey.entryHash(mac, linked, seq));
			chained.add(sealed);
			prev = sealed.hash();
		}
		return chained;
	}

	static AuditStore.Head headOf(List<AuditEntry> trail) {
		AuditEntry last = trail.get(trail.size() - 1);
		return new AuditStore.Head(last.seq(), last.hash(),
				AuditKey.headMac(TestEntries.KEY.newMac(), last.seq(), last.hash()));
	}

	private static AuditVerifier.Report verify(List<AuditEntry> trail, AuditStore.Head head) {
		AuditVerifier verifier = new AuditVerifier(TestEntries.KEY);
		trail.forEach(verifier::accept);
		return verifier.finish(head);
	}

	private static List<org.assertj.core.groups.Tuple> kindsAndSeqs(AuditVerifier.Report report) {
		return report.anomalies().stream().map((anomaly) -> tuple(anomaly.kind(), anomaly.seq())).toList();
	}

}
