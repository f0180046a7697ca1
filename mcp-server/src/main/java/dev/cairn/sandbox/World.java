package dev.cairn.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;

/**
 * The sandbox's deployments as one immutable view: the catalog's workloads, each with its
 * baseline history and what was deployed, injected or fixed since. Built anew when the
 * catalog reloads or something changes; readers keep the view they took.
 *
 * @param catalog the catalog it was built from
 * @param deployments by service and environment, in the catalog's order
 */
record World(Catalog catalog, Map<Workload.Key, Deployment> deployments) {

	static World build(Catalog catalog, boolean enabled, Ledger ledger, Instant startedAt) {
		Map<Workload.Key, Workload> workloads = new LinkedHashMap<>(enabled ? Fleet.of(catalog) : Map.of());
		for (Workload.Key key : ledger.keys()) {
			workloads.computeIfAbsent(key, (missing) -> workloadOf(catalog, missing, ledger));
		}
		Map<Workload.Key, Deployment> deployments = new LinkedHashMap<>();
		for (Workload workload : workloads.values()) {
			Workload.Key key = workload.key();
			List<Release> releases = new ArrayList<>(ledger.fresh(key) ? List.of() : Baseline.of(workload, startedAt));
			releases.addAll(ledger.releases(key));
			releases.sort(Comparator.comparing(Release::deployedAt));
			List<Outage> own = new ArrayList<>();
			List<Outage> upstream = new ArrayList<>();
			for (Outage outage : ledger.outages()) {
				if (outage.environment().equals(key.environment())) {
					if (outage.dependency().service().equals(key.service())) {
						own.add(outage);
					}
					if (outage.cause().equals(key.service())) {
						upstream.add(outage);
					}
				}
			}
			deployments.put(key, new Deployment(workload, releases, own, upstream));
		}
		return new World(catalog, java.util.Collections.unmodifiableMap(deployments));
	}

	/** A service deployed without a catalog entry that would place it. */
	private static Workload workloadOf(Catalog catalog, Workload.Key key, Ledger ledger) {
		Optional<Entity> entity = catalog.find(new EntityRef("component", EntityRef.DEFAULT_NAMESPACE, key.service()));
		if (entity.isPresent()) {
			return Fleet.workload(catalog, entity.get(), key.environment());
		}
		List<Release> releases = ledger.releases(key);
		return Workload.unknown(key.service(), key.environment(), releases.isEmpty() ? null : releases.get(0).author());
	}

	Deployment deployment(String service, String environment) {
		return this.deployments.get(new Workload.Key(service, environment));
	}

	/** The services deployed in the environment, in the catalog's order. */
	List<String> servicesIn(String environment) {
		List<String> services = new ArrayList<>();
		for (Workload.Key key : this.deployments.keySet()) {
			if (key.environment().equals(environment)) {
				services.add(key.service());
			}
		}
		services.sort(null);
		return services;
	}

	/** The highest version of the service deployed anywhere, or {@code null}. */
	String highestVersion(String service) {
		String highest = null;
		for (Deployment deployment : this.deployments.values()) {
			if (deployment.workload().service().equals(service)) {
				for (Release release : deployment.releases()) {
					highest = Versions.max(highest, release.version());
				}
			}
		}
		return highest;
	}

}
