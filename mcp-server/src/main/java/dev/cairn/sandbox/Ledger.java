package dev.cairn.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened in the sandbox since it started, on top of the catalog's baseline:
 * releases deployed (healthy, failing or fixing), dependency outages, and the services
 * first deployed here, which have no baseline history. It outlives catalog reloads. Not
 * thread-safe: the platform guards it.
 */
final class Ledger {

	private final Map<Workload.Key, List<Release>> releases = new LinkedHashMap<>();

	private final List<Outage> outages = new ArrayList<>();

	private final Set<Workload.Key> fresh = new HashSet<>();

	void add(Workload.Key key, Release release) {
		this.releases.computeIfAbsent(key, (k) -> new ArrayList<>()).add(release);
	}

	void add(Outage outage) {
		this.outages.add(outage);
	}

	/** Replaces an outage by its ended form. */
	void replace(Outage outage, Outage ended) {
		int index = this.outages.indexOf(outage);
		if (index >= 0) {
			this.outages.set(index, ended);
		}
	}

	void markFresh(Workload.Key key) {
		this.fresh.add(key);
	}

	boolean fresh(Workload.Key key) {
		return this.fresh.contains(key);
	}

	List<Release> releases(Workload.Key key) {
		return List.copyOf(this.releases.getOrDefault(key, List.of()));
	}

	int count(Workload.Key key) {
		return this.releases.getOrDefault(key, List.of()).size();
	}

	Set<Workload.Key> keys() {
		return Set.copyOf(this.releases.keySet());
	}

	List<Outage> outages() {
		return List.copyOf(this.outages);
	}

}
