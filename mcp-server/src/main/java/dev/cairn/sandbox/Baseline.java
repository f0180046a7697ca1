package dev.cairn.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's past before the sandbox started: four to six healthy releases over the
 * preceding weeks. The releases are the service's own (the same versions and commits in
 * every environment); staging gets each on a working day, production a day or two later,
 * so production may still run the one before staging's newest.
 */
final class Baseline {

	private Baseline() {
	}

	/** The releases of the workload before {@code startedAt}, oldest first. */
	static List<Release> of(Workload workload, Instant startedAt) {
		String service = workload.service();
		Words words = Words.of(service);
		int count = Seed.between(Seed.of(service, "releases"), 4, 6);
		Instant[] staging = new Instant[count];
		Instant latest = workingHour(startedAt.minus(Duration.ofDays(Seed.between(Seed.of(service, "last"), 1, 4))),
				Seed.of(service, "hour", count - 1));
		staging[count - 1] = latest;
		for (int i = count - 2; i >= 0; i--) {
			staging[i] = workingHour(
					staging[i + 1].minus(Duration.ofDays(Seed.between(Seed.of(service, "gap", i), 4, 11))),
					Seed.of(service, "hour", i));
		}
		boolean production = "production".equals(workload.environment());
		List<Release> releases = new ArrayList<>();
		String version = Seed.between(Seed.of(service, "major"), 1, 3) + "."
				+ Seed.between(Seed.of(service, "minor"), 0, 9) + "." + Seed.between(Seed.of(service, "patch"), 0, 3);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				version = (Seed.unit(Seed.of(service, "bump", i)) < 0.7) ? Versions.nextMinor(version)
						: Versions.nextPatch(version);
			}
			Instant at = staging[i];
			if (production) {
				at = workingHour(at.plus(Duration.ofDays(Seed.between(Seed.of(service, "promote", i), 1, 2))),
						Seed.of(service, "promoted", i));
				if (at.isAfter(startedAt.minus(Duration.ofHours(12)))) {
					continue;
				}
			}
			String message = (i == 0) ? "Deploy " + service + " with Argo CD"
					: Changes.ordinary(Seed.of(service, "message"), i, words);
			releases.add(new Release(version, commit(service, i), author(workload, Seed.of(service, "author", i)),
					message, at, null));
		}
		return releases;
	}

	static String commit(String service, Object salt) {
		return Seed.hex(Seed.of(service, "commit", salt), 40);
	}

	static String author(Workload workload, long seed) {
		return Seed.pick(seed, workload.authors());
	}

	/** The same day at a working hour (09:00 to 17:59 UTC). */
	private static Instant workingHour(Instant day, long seed) {
		return day.truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofHours(Seed.between(seed, 9, 17)))
			.plus(Duration.ofMinutes(Seed.between(seed + 1, 0, 59)))
			.plusSeconds(Seed.between(seed + 2, 0, 59));
	}

}
