package dev.cairn.telemetry;

/**
 * A metrics store (Prometheus, or the sandbox's), asked for a named metric of a service
 * or, where the backend speaks it, a PromQL expression.
 */
public interface Metrics {

	/**
	 * The query's series: one point each for an instant query, points at each step for a
	 * range query.
	 * @throws BackendException when the backend cannot answer
	 * @throws IllegalArgumentException when the backend rejects the query itself (a
	 * PromQL syntax error, or PromQL asked of a backend that only knows named metrics),
	 * with the backend's words
	 */
	MetricResult query(MetricQuery query);

}
