package dev.cairn.sandbox;

import java.util.List;

/**
 * The commits behind the sandbox's releases: the ordinary ones of a service's history,
 * the change that introduced each failure (its message says what it did, and the logs of
 * the failure point back at it), and the revert that fixes it.
 */
final class Changes {

	private static final List<String> ORDINARY = List.of("Update dependencies",
			"Add request tracing to the %1$s client", "Fix pagination of the %2$s listing",
			"Log the request id with every error", "Tune the database connection pool",
			"Return 409 when a %1$s is updated concurrently", "Add an export endpoint for %2$s",
			"Remove the unused v0 %1$s endpoint", "Validate %1$s ids before the lookup",
			"Upgrade the base image to distroless", "Retry transient database errors once",
			"Expose %1$s counts as metrics", "Speed up %1$s search with an index", "Tidy up the %1$s error messages");

	private Changes() {
	}

	/**
	 * The {@code index}th ordinary commit message of a series; neighbours in a series
	 * differ.
	 */
	static String ordinary(long seed, int index, Words words) {
		int first = Seed.between(seed, 0, ORDINARY.size() - 1);
		// A step coprime with the list's size visits every message before repeating one.
		return String.format(ORDINARY.get((first + 5 * index) % ORDINARY.size()), words.noun(), words.plural());
	}

	/** The message of the commit that introduced the failure. */
	static String introducing(Failure failure, Workload workload) {
		Words words = Words.of(workload.service());
		switch (failure) {
			case MISSING_CONFIG:
				Workload.Peer peer = configured(workload);
				return (peer != null) ? "Read the " + peer.service() + " base URL from " + configKey(workload)
						: "Read the " + words.noun() + " settings from " + configKey(workload);
			case OOM_KILLED:
				return "Cache " + words.noun() + " lookups in memory";
			case IMAGE_PULL_UNBUILT:
				return "Round " + words.noun() + " totals to minor units";
			case READINESS_FAILING:
				return "Add " + probedName(workload) + " to the readiness health group";
			case UNSCHEDULABLE:
				return "Raise the memory request to 6Gi for the in-memory " + words.noun() + " index";
			case MIGRATION_FAILED:
				return "Add " + MigrationJob.columnOf(workload) + " to " + words.table();
			case ERROR_RATE_REGRESSION:
				return "Apply the saved currency to " + words.noun() + " totals";
			case LATENCY_REGRESSION:
				return "Load " + words.noun() + " line items with each " + words.noun();
			default:
				return ordinary(Seed.of(workload.service(), failure), 0, words);
		}
	}

	/** The fix a team deploys for a failing release: its revert. */
	static String revert(Release failing) {
		return "Revert \"" + failing.message() + "\"";
	}

	/** The dependency whose URL the missing-config change reads, or {@code null}. */
	static Workload.Peer configured(Workload workload) {
		return workload.dependencies().isEmpty() ? null
				: Seed.pick(Seed.of(workload.service(), "config"), workload.dependencies());
	}

	/**
	 * The configuration value the missing-config change needs: the URL of a dependency,
	 * else the database's, else a signing key.
	 */
	static String configKey(Workload workload) {
		Workload.Peer peer = configured(workload);
		if (peer != null) {
			return Words.constant(peer.service()) + "_URL";
		}
		return (workload.database() != null) ? "DATABASE_URL" : Words.constant(workload.service()) + "_SIGNING_KEY";
	}

	static String configMap(Workload workload) {
		return workload.name() + "-config";
	}

	/** The dependency the readiness-failing change checks, or {@code null}. */
	static Workload.Peer probed(Workload workload) {
		return workload.dependencies().isEmpty() ? null
				: Seed.pick(Seed.of(workload.service(), "readiness"), workload.dependencies());
	}

	static String probedName(Workload workload) {
		Workload.Peer peer = probed(workload);
		return (peer != null) ? peer.service() : "feature-flags";
	}

	static String probedUrl(Workload workload) {
		Workload.Peer peer = probed(workload);
		return (peer != null) ? peer.url() : "http://flagd.platform.svc.cluster.local:8013";
	}

}
