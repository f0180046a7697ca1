package dev.cairn.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Entries shaped like the gateway's (decided then completed, for a handful of principals,
 * tools and targets), for tests that need many.
 */
final class TestEntries {

	static final AuditKey KEY = new AuditKey(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
			19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

	private static final String[] PRINCIPALS = { "user:default/dana", "user:default/maya", "user:default/ravi",
			"user:default/lee" };

	private static final String[] TOOLS = { "catalog_get_entity", "catalog_search", "catalog_blast_radius",
			"catalog_dependencies" };

	private static final String[] TARGETS = { "component:default/payment-api", "resource:default/payments-db",
			"component:default/checkout-web", null };

	private TestEntries() {
	}

	/**
	 * {@code calls} calls as entries ready to append: decided, completed pointing at the
	 * decided entry's sequence once the trail starts at {@code firstSeq}.
	 */
	static List<AuditEntry> calls(int calls, long firstSeq, long randomSeed) {
		Random random = new Random(randomSeed);
		List<AuditEntry> entries = new ArrayList<>(calls * 2);
		Instant at = Instant.parse("2026-11-21T08:00:00.123456Z");
		for (int i = 0; i < calls; i++) {
			String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
			String principal = PRINCIPALS[random.nextInt(PRINCIPALS.length)];
			String tool = TOOLS[random.nextInt(TOOLS.length)];
			String target = TARGETS[random.nextInt(TARGETS.length)];
			at = at.plusMillis(1 + random.nextInt(50));
			long decidedSeq = firstSeq + 2L * i;
			entries.add(new AuditEntry(0, AuditEntry.DECIDED, at, requestId, principal, "user", "claude-code/2.1", null,
					"mcp", tool, target, "ab".repeat(32), "{\"ref\":\"payment-api\",\"limit\":" + i + "}", "allow",
					"[\"no policy engine yet\"]", null, null, null, null, null, null, null));
			entries.add(new AuditEntry(0, AuditEntry.COMPLETED, at.plusNanos(1_500_000), requestId, principal, "user",
					"claude-code/2.1", null, "mcp", tool, target, null, null, null, null, null, decidedSeq,
					(i % 17 == 0) ? "error" : "success", (i % 17 == 0) ? "backend unavailable" : null,
					(long) (800 + random.nextInt(4000)), null, null));
		}
		return entries;
	}

}
