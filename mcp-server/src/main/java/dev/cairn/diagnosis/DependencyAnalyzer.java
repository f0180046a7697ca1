package dev.cairn.diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.OnCall;
import dev.cairn.catalog.RelationType;
import dev.cairn.telemetry.DeploymentSnapshot;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.LogLine;
import dev.cairn.telemetry.LogPage;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The services a service depends on (the catalog's {@code dependsOn}), checked in the
 * same environment: one that has no available replica is failing, and the first cause its
 * own pods show is named. When the service shows the failure (errors or latency since
 * then, or log lines naming the dependency) the dependency is the root cause; its owner
 * and on-call are who can fix it.
 */
final class DependencyAnalyzer {

	static final int MAX_DEPENDENCIES = 8;

	private static final List<Analyzer> ON_DEPENDENCY = List.of(new ImagePullAnalyzer(), new CrashAnalyzer(),
			new SchedulingAnalyzer(), new ProbeAnalyzer());

	private final Catalog catalog;

	private final Clock clock;

	DependencyAnalyzer(Catalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * @param symptomatic whether the service itself shows a failure that a dependency
	 * could explain
	 */
	List<Finding> analyze(Observations seen, Entity entity, EnvironmentBackends backends, boolean symptomatic) {
		List<Finding> findings = new ArrayList<>();
		int checked = 0;
		for (EntityRef ref : entity.related(RelationType.DEPENDS_ON)) {
			if (!"component".equals(ref.kind()) || checked >= MAX_DEPENDENCIES) {
				continue;
			}
			Entity dependency = this.catalog.find(ref).orElse(null);
			if (dependency == null) {
				continue;
			}
			checked++;
			Finding finding = judge(seen, dependency, backends, symptomatic);
			if (finding != null) {
				findings.add(finding);
			}
		}
		return findings;
	}

	private Finding judge(Observations seen, Entity dependency, EnvironmentBackends backends, boolean symptomatic) {
		String name = dependency.metadata().name();
		ServiceTarget target = new ServiceTarget(name, seen.target().environment(),
				dependency.metadata().annotations());
		Observations theirs = new Observations(target, backends, seen.now());
		DeploymentSnapshot snapshot = theirs.snapshot().orElse(null);
		if (snapshot == null || snapshot.rollout().desired() == 0 || snapshot.rollout().available() > 0) {
			return null;
		}
		List<Finding> causes = new ArrayList<>();
		for (Analyzer analyzer : ON_DEPENDENCY) {
			causes.addAll(analyzer.analyze(theirs, snapshot));
		}
		Finding cause = causes.stream()
			.filter((finding) -> finding.role() == FindingCode.Role.ROOT_CAUSE)
			.min((a, b) -> Integer.compare(a.code().ordinal(), b.code().ordinal()))
			.orElse(null);
		List<Finding.Evidence> evidence = new ArrayList<>();
		List<Finding.Evidence> mentions = mentions(seen, name);
		evidence.addAll(mentions);
		evidence.add(new Finding.Evidence("rollout", "deployment " + snapshot.name(), name + ": "
				+ snapshot.rollout().available() + " of " + snapshot.rollout().desired() + " replicas available",
				null));
		if (cause != null) {
			evidence.add(new Finding.Evidence("finding", name, cause.code().wireName() + ": " + cause.summary(), null));
			cause.evidence().stream().limit(2).forEach(evidence::add);
		}
		boolean shows = symptomatic || !mentions.isEmpty();
		OnCall onCall = OnCall.of(this.catalog, dependency, this.clock);
		EntityRef owner = this.catalog.ownerOf(dependency);
		Finding.Contact contact = new Finding.Contact((owner != null) ? owner.toString() : null,
				Diagnoser.name(onCall.current()), (onCall.current() != null) ? onCall.current().email() : null);
		String summary = "it depends on " + name + ", which has no available replica in " + target.environment()
				+ ((cause != null) ? " (" + cause.code().wireName() + ": " + cause.summary() + ")" : "");
		String remedy = "the fix is in " + name + ", not in " + seen.service() + "'s deploy: page "
				+ ((contact.onCall() != null) ? contact.onCall() + " (on call for " + contact.owner() + ")"
						: (contact.owner() != null) ? contact.owner() : "its owner")
				+ "; run deployment_diagnose on " + name + " for its evidence";
		return new Finding(FindingCode.DEPENDENCY_FAILING, shows ? FindingCode.Role.ROOT_CAUSE : FindingCode.Role.NOTE,
				name, shows ? summary : summary + "; " + seen.service() + " shows no errors from it yet", evidence,
				(cause != null) ? cause.change() : null, remedy, contact);
	}

	/** The service's own newest error lines that name the dependency. */
	private static List<Finding.Evidence> mentions(Observations seen, String dependency) {
		LogPage page = seen.logs("error", dependency, seen.now().minus(Duration.ofHours(1)), seen.now(), 50);
		if (page == null) {
			return List.of();
		}
		List<Finding.Evidence> lines = new ArrayList<>();
		for (LogLine line : page.lines()) {
			lines.add(new Finding.Evidence("log", (line.pod() != null) ? "pod " + line.pod() : "log store",
					line.message().strip() + ((lines.isEmpty() && page.lines().size() > 1) ? " (" + page.lines().size()
							+ ((page.truncated()) ? "+" : "") + " such lines in the last hour)" : ""),
					line.time()));
			if (lines.size() == 1) {
				break;
			}
		}
		return lines;
	}

}
