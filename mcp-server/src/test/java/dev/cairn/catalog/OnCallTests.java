package dev.cairn.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnCallTests {

	private final Catalog demo = TestCatalogs.demo();

	private final Entity paymentApi = this.demo.find(EntityRef.parse("component:default/payment-api")).orElseThrow();

	@Test
	void rotatesWeeklyThroughTheOwningGroupsRotationAtMondayNine() {
		OnCall sunday = at("2026-11-22T12:00:00Z");
		OnCall mondayMorning = at("2026-11-23T08:59:00Z");
		OnCall mondayAfterHandover = at("2026-11-23T09:00:00Z");
		assertThat(sunday.current()).isEqualTo(mondayMorning.current());
		assertThat(mondayAfterHandover.current()).isEqualTo(sunday.next());
		assertThat(sunday.handoverAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		assertThat(sunday.rotation()).containsExactly("user:default/alice", "user:default/bob", "user:default/carol");
		assertThat(sunday.rotationSource()).isEqualTo("cairn.dev/on-call-rotation on group:default/team-payments");
		assertThat(sunday.pagerDutyServiceId()).isEqualTo("P4KX9ZT");
		assertThat(sunday.current().email()).endsWith("@acme.example.com");
	}

	@Test
	void visitsEveryMemberOnceEveryRotationLength() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int week = 0; week < 3; week++) {
			seen.add(at(Instant.parse("2026-11-24T00:00:00Z").plusSeconds(week * 7L * 86400).toString()).current()
				.ref());
		}
		assertThat(seen).containsExactlyInAnyOrder("user:default/alice", "user:default/bob", "user:default/carol");
	}

	@Test
	void anEntityOwnedByAUserHasThatUserOnCall() {
		Entity owned = this.demo.entities()
			.stream()
			.filter((entity) -> "user"
				.equals(this.demo.ownerOf(entity) == null ? null : this.demo.ownerOf(entity).kind()))
			.findFirst()
			.orElseThrow();
		OnCall onCall = OnCall.of(this.demo, owned, Clock.systemUTC());
		assertThat(onCall.current().ref()).isEqualTo(this.demo.ownerOf(owned).toString());
	}

	private OnCall at(String instant) {
		return OnCall.of(this.demo, this.paymentApi, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

}
