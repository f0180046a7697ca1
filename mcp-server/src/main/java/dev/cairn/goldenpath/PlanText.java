package dev.cairn.goldenpath;

import java.util.stream.Collectors;

/**
 * A plan as compact text: one section per step, then the totals and the reminder that
 * nothing was changed. Files are listed by path and size; the diffs are in the structured
 * answer.
 */
final class PlanText {

	/** Files listed per commit before the list is cut. */
	static final int FILES_SHOWN = 60;

	private PlanText() {
	}

	static String of(Plan plan) {
		StringBuilder text = new StringBuilder();
		text.append("Plan for ").append(plan.template()).append(" → ").append(plan.target()).append('\n');
		int index = 1;
		for (PlannedStep step : plan.steps()) {
			text.append('\n')
				.append(index++)
				.append(". ")
				.append(step.id())
				.append(" (")
				.append(step.action())
				.append(')');
			if (!step.runs()) {
				text.append(": skipped, ").append(step.condition()).append(" is false\n");
				continue;
			}
			text.append(": ").append(step.name()).append('\n');
			section(text, step.effect());
			if (step.failure() != null) {
				text.append("   WOULD FAIL: ").append(step.failure()).append('\n');
			}
		}
		Plan.Totals totals = plan.totals();
		text.append("\nTotals: ")
			.append(count(totals.files(), "file"))
			.append(" in ")
			.append(count(totals.commits(), "commit"))
			.append(", ")
			.append(count(totals.resources(), "resource"))
			.append(", ")
			.append(count(totals.deployments(), "deployment"))
			.append('.');
		if (plan.failsAt() != null) {
			text.append(" The run would stop at step ").append(plan.failsAt()).append('.');
		}
		text.append("\nThis was a dry run: nothing was changed.");
		return text.toString();
	}

	private static String count(int n, String noun) {
		return n + " " + noun + ((n == 1) ? "" : "s");
	}

	private static void section(StringBuilder text, PlannedEffect effect) {
		if (effect instanceof PlannedEffect.RepositoryCreation creation) {
			text.append("   repository ")
				.append(creation.organisation())
				.append('/')
				.append(creation.name())
				.append(" at ")
				.append(creation.location())
				.append('\n');
			commit(text, creation.commit());
		}
		else if (effect instanceof PlannedEffect.CatalogRegistration entry) {
			text.append("   entity ")
				.append(entry.ref())
				.append(", owner ")
				.append(entry.owner())
				.append(", system ")
				.append(entry.system())
				.append(", lifecycle ")
				.append(entry.lifecycle())
				.append('\n');
			text.append("   annotations: ")
				.append(entry.annotations()
					.entrySet()
					.stream()
					.map((a) -> a.getKey() + "=" + a.getValue())
					.collect(Collectors.joining(", ")))
				.append('\n');
		}
		else if (effect instanceof PlannedEffect.ResourceClaim claim) {
			text.append("   claim ")
				.append(claim.kind())
				.append(' ')
				.append(claim.name())
				.append(" (")
				.append(claim.size())
				.append(") in ")
				.append(claim.environment())
				.append(", owner ")
				.append(claim.owner())
				.append('\n');
			text.append("   encrypted at rest: ")
				.append(claim.encryptedAtRest() ? "yes" : "no")
				.append("; backups: ")
				.append(claim.backups())
				.append("; credentials in secret ")
				.append(claim.credentialsSecret())
				.append(" (least privilege)\n");
		}
		else if (effect instanceof PlannedEffect.GitOpsDeployment deployment) {
			text.append("   ")
				.append(deployment.service())
				.append(' ')
				.append(deployment.version())
				.append(" to ")
				.append(deployment.environment())
				.append(" (namespace ")
				.append(deployment.namespace())
				.append("), synced from ")
				.append(deployment.path())
				.append('\n');
			commit(text, deployment.commit());
			text.append("   waits for: ").append(String.join("; ", deployment.healthChecks())).append('\n');
		}
	}

	private static void commit(StringBuilder text, PlannedCommit commit) {
		text.append("   commit \"")
			.append(commit.message())
			.append("\" by ")
			.append(commit.author())
			.append(" to ")
			.append(commit.repository())
			.append(": ")
			.append(commit.files().size())
			.append(" files, ")
			.append(commit.bytes())
			.append(" bytes\n");
		int shown = 0;
		for (PlannedCommit.PlannedFile file : commit.files()) {
			if (shown++ == FILES_SHOWN) {
				text.append("     ... ").append(commit.files().size() - FILES_SHOWN).append(" more files\n");
				break;
			}
			text.append("     + ")
				.append(file.path())
				.append(" (")
				.append(file.size())
				.append(" B")
				.append(file.mode().equals("100755") ? ", executable" : "")
				.append(file.binary() ? ", binary" : "")
				.append(", sha256 ")
				.append(file.sha256(), 0, 12)
				.append(")\n");
		}
	}

}
