package dev.cairn.catalog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is on call for an entity, read from the catalog: the owning group's rotation
 * (annotation {@value #ROTATION_ANNOTATION}, users in rotation order, handing over every
 * Monday at 09:00 UTC), or the owning user. The entity's PagerDuty service id is reported
 * with it so a human can page.
 *
 * @param current the user on call now, if known
 * @param next the user who takes over at {@code handoverAt}, if known
 * @param handoverAt the next handover, if there is a rotation
 * @param rotation the rotation in order, if any
 * @param rotationSource where the rotation was read from
 * @param pagerDutyServiceId the entity's {@code pagerduty.com/service-id}, if any
 * @param note what is missing, when the catalog cannot say who is on call
 */
public record OnCall(Person current, Person next, Instant handoverAt, List<String> rotation, String rotationSource,
		String pagerDutyServiceId, String note) {

	public static final String ROTATION_ANNOTATION = "cairn.dev/on-call-rotation";

	static final String PAGERDUTY_ANNOTATION = "pagerduty.com/service-id";

	private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

	/** A user with the contact details the catalog holds. */
	public record Person(String ref, String name, String email) {
	}

	public static OnCall of(Catalog catalog, Entity entity, Clock clock) {
		String pagerDuty = entity.metadata().annotations().get(PAGERDUTY_ANNOTATION);
		EntityRef ownerRef = "group".equals(entity.ref().kind()) ? entity.ref() : catalog.ownerOf(entity);
		if (ownerRef == null) {
			return new OnCall(null, null, null, List.of(), null, pagerDuty, "no owner, so no on-call");
		}
		Entity owner = catalog.find(ownerRef).orElse(null);
		if (owner == null) {
			return new OnCall(null, null, null, List.of(), null, pagerDuty,
					"owner " + ownerRef + " is not in the catalog");
		}
		if ("user".equals(ownerRef.kind())) {
			Person person = person(catalog, ownerRef);
			return new OnCall(person, person, null, List.of(ownerRef.toString()), "owner", pagerDuty, null);
		}
		String annotation = owner.metadata().annotations().get(ROTATION_ANNOTATION);
		if (annotation == null || annotation.isBlank()) {
			return new OnCall(null, null, null, List.of(), null, pagerDuty, "owner " + ownerRef + " has no "
					+ ROTATION_ANNOTATION + " annotation; page the team or add the rotation to the group");
		}
		List<EntityRef> rotation = new ArrayList<>();
		for (String member : annotation.split(",")) {
			if (!member.isBlank()) {
				rotation.add(EntityRef.parse(member.trim(), "user", ownerRef.namespace()));
			}
		}
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
		ZonedDateTime lastHandover = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(9);
		if (lastHandover.isAfter(now)) {
			lastHandover = lastHandover.minusWeeks(1);
		}
		long week = ChronoUnit.WEEKS.between(FIRST_MONDAY.atTime(9, 0).atZone(ZoneOffset.UTC), lastHandover);
		int index = (int) Math.floorMod(week, (long) rotation.size());
		return new OnCall(person(catalog, rotation.get(index)),
				person(catalog, rotation.get((index + 1) % rotation.size())),
				lastHandover.plus(Duration.ofDays(7)).toInstant(), rotation.stream().map(EntityRef::toString).toList(),
				ROTATION_ANNOTATION + " on " + ownerRef, pagerDuty, null);
	}

	private static Person person(Catalog catalog, EntityRef ref) {
		Entity user = catalog.find(ref).orElse(null);
		if (user == null) {
			return new Person(ref.toString(), null, null);
		}
		Object profile = user.spec().get("profile");
		String name = user.displayName();
		String email = null;
		if (profile instanceof java.util.Map<?, ?> map) {
			if (map.get("displayName") instanceof String displayName) {
				name = displayName;
			}
			if (map.get("email") instanceof String mail) {
				email = mail;
			}
		}
		return new Person(ref.toString(), name, email);
	}

	String toText() {
		StringBuilder text = new StringBuilder();
		if (this.current != null) {
			text.append(describe(this.current));
			if (this.handoverAt != null && this.next != null) {
				text.append(" until ").append(this.handoverAt).append(", then ").append(describe(this.next));
			}
		}
		else {
			text.append("unknown (").append(this.note).append(')');
		}
		if (this.pagerDutyServiceId != null) {
			text.append("; PagerDuty service ").append(this.pagerDutyServiceId);
		}
		return text.toString();
	}

	private static String describe(Person person) {
		String who = (person.name() != null) ? person.name() + " (" + EntitySummary.shortRef(person.ref()) + ")"
				: EntitySummary.shortRef(person.ref());
		return (person.email() != null) ? who + " <" + person.email() + ">" : who;
	}

}
