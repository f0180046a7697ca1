package dev.cairn.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.CatalogService;
import dev.cairn.telemetry.EnvironmentBackends;
import dev.cairn.telemetry.ServiceTarget;

/**
 * The embedded sandbox platform: the catalog's services deployed to staging and
 * production in an in-process model of a cluster, a delivery system, a CI system, a log
 * store and a metrics store, answering through the same ports as the real adapters
 * ({@link #backends(String)}).
 *
 * <p>
 * Everything is a function of the services' names and the clock: the history before the
 * sandbox started, every pod, log line and metric point, so the same questions get the
 * same answers. The world follows the catalog (rebuilt on the first question after a
 * reload) and keeps what was changed since the start: failures injected, versions
 * deployed, fixes. Thread-safe.
 */
public class SandboxPlatform {

	private final CatalogService catalogs;

	private final Clock clock;

	private final boolean enabled;

	private final Instant startedAt;

	private final Ledger ledger = new Ledger();

	private final Map<String, EnvironmentBackends> backends = new LinkedHashMap<>();

	private volatile World world;

	/**
	 * Builds the world and injects the configured failures.
	 * @throws IllegalStateException when a configured failure names an unknown service,
	 * environment or failure; the message names the property and what is valid
	 */
	public SandboxPlatform(CatalogService catalogs, Clock clock, SandboxProperties properties) {
		this(catalogs, clock, properties, Set.of());
	}

	/**
	 * @param shipped the {@code <service>.<environment>} keys of the failures the jar's
	 * own properties configure, skipped when the catalog does not deploy their service
	 */
	SandboxPlatform(CatalogService catalogs, Clock clock, SandboxProperties properties, Set<String> shipped) {
		this.catalogs = catalogs;
		this.clock = clock;
		this.enabled = properties.enabled();
		this.startedAt = clock.instant();
		for (String environment : Fleet.ENVIRONMENTS) {
			this.backends.put(environment,
					new EnvironmentBackends(environment, new SandboxDeployments(this), new SandboxLogs(this),
							new SandboxMetrics(this), new SandboxDelivery(this), new SandboxBuilds(this)));
		}
		if (this.enabled) {
			ConfiguredFailures.apply(properties, this, shipped);
		}
	}

	/** The environments the sandbox runs: staging and production. */
	public List<String> environments() {
		return Fleet.ENVIRONMENTS;
	}

	/**
	 * The backends of one environment, every port answered by the sandbox.
	 * @throws IllegalArgumentException for an environment the sandbox does not run
	 */
	public EnvironmentBackends backends(String environment) {
		EnvironmentBackends found = this.backends.get(environment);
		if (found == null) {
			throw new IllegalArgumentException("the sandbox has no environment '" + environment + "'; it runs "
					+ String.join(", ", Fleet.ENVIRONMENTS));
		}
		return found;
	}

	/** When the sandbox started; its made-up history is placed before this moment. */
	public Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * Injects a failure (or, with {@code none}, fixes what fails) in a service's
	 * deployment.
	 * @param failure a failure's name, or {@code none}
	 * @param dependency for {@code dependency-failing}, the service to fail; {@code null}
	 * for the first the service depends on
	 * @throws InvalidChange naming the argument at fault and the valid values
	 */
	public Injection inject(String service, String environment, String failure, String dependency) {
		return inject(service, environment, failure, dependency, this.clock.instant());
	}

	Injection inject(String service, String environment, String failure, String dependency, Instant at) {
		requireEnabled();
		synchronized (this.ledger) {
			Injection done = new Injector(world(), this.ledger, at).inject(service, environment, failure, dependency);
			rebuild();
			return done;
		}
	}

	/**
	 * Deploys a version of a service (one the catalog may not list yet) as a new
	 * revision, now; it is healthy.
	 * @throws InvalidChange naming the argument at fault
	 */
	public Injection deploy(String service, String environment, String version, String commit, String author,
			String message) {
		return deploy(service, environment, version, commit, author, message, null);
	}

	/**
	 * Deploys a version of a service as a new revision, now, carrying a failure (for
	 * scenarios where a deploy goes wrong), or healthy when {@code failure} is
	 * {@code null}.
	 * @throws InvalidChange naming the argument at fault
	 */
	public Injection deploy(String service, String environment, String version, String commit, String author,
			String message, String failure) {
		requireEnabled();
		synchronized (this.ledger) {
			Injection done = new Injector(world(), this.ledger, this.clock.instant()).deploy(service, environment,
					version, commit, author, message, failure);
			rebuild();
			return done;
		}
	}

	/**
	 * The deployment a target names, or {@code null} when the sandbox does not run it.
	 */
	Deployment deployment(ServiceTarget target) {
		return world().deployment(target.service(), target.environment());
	}

	Instant now() {
		return this.clock.instant();
	}

	static String source(String environment) {
		return "sandbox (" + environment + ")";
	}

	World world() {
		World current = this.world;
		Catalog catalog = this.catalogs.current();
		if (current != null && current.catalog() == catalog) {
			return current;
		}
		synchronized (this.ledger) {
			if (this.world == null || this.world.catalog() != this.catalogs.current()) {
				rebuild();
			}
			return this.world;
		}
	}

	private void rebuild() {
		this.world = World.build(this.catalogs.current(), this.enabled, this.ledger, this.startedAt);
	}

	private void requireEnabled() {
		if (!this.enabled) {
			throw new InvalidChange("service", "the sandbox is disabled (cairn.sandbox.enabled=false)");
		}
	}

}
