package dev.cairn.telemetry;

import java.util.Locale;

/**
 * The metrics every backend can answer for a service by name; a Prometheus adapter maps
 * each to a PromQL expression it is configured with.
 */
public enum NamedMetric {

	/** Share of requests that failed (5xx), 0 to 1. */
	ERROR_RATE("ratio"),
	/** 99th percentile request latency. */
	LATENCY_P99("seconds"),
	/** Requests per second. */
	REQUEST_RATE("requests/s"),
	/** CPU used, summed over the service's containers. */
	CPU("cores"),
	/** Memory working set, summed over the service's containers. */
	MEMORY("bytes"),
	/** Container restarts in the preceding five minutes. */
	RESTARTS("restarts");

	private final String unit;

	NamedMetric(String unit) {
		this.unit = unit;
	}

	public String unit() {
		return this.unit;
	}

	/** The name tools use: {@code error_rate}, {@code latency_p99}, ... */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The metric a tool names, or {@code null} when no metric has that name. */
	public static NamedMetric byWireName(String name) {
		for (NamedMetric metric : values()) {
			if (metric.wireName().equals(name)) {
				return metric;
			}
		}
		return null;
	}

}
