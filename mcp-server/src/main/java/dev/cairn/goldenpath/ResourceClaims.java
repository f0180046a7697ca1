package dev.cairn.goldenpath;

import java.util.Map;

/**
 * The claim a {@code resource.provision} step makes, with the platform's secure defaults:
 * encryption at rest always, backups by tier, and least-privilege credentials kept in a
 * secret that only the service reads. The run engine makes exactly this claim.
 */
final class ResourceClaims {

	private ResourceClaims() {
	}

	static PlannedEffect.ResourceClaim claim(Map<String, Object> inputs, String environment) {
		String kind = Planner.string(inputs, "type", null);
		String name = Planner.string(inputs, "name", null);
		String tier = Planner.string(inputs, "tier", "tier-3");
		return new PlannedEffect.ResourceClaim(kind, name, Planner.string(inputs, "owner", null),
				Planner.string(inputs, "system", null), environment, Planner.string(inputs, "size", "small"), true,
				backups(kind, tier), name + "-credentials");
	}

	/** A database keeps more history the more critical; a cache keeps a few snapshots. */
	static String backups(String kind, String tier) {
		if ("redis".equals(kind)) {
			return "daily snapshot, kept 3 days";
		}
		int days = "tier-1".equals(tier) ? 30 : ("tier-2".equals(tier) ? 14 : 7);
		return "daily, kept " + days + " days, point-in-time recovery";
	}

}
