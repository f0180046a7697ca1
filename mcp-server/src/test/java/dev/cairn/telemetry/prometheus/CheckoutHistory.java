package dev.cairn.telemetry.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Three hours of a day-old history at a 15 s resolution, as OpenMetrics text for
 * {@code promtool}: {@code checkout-api} in namespace {@code shop} is rolled out halfway
 * (the old pod's series end, the new pod's begin) and its 5xx share jumps from 1% to 20%
 * and its latency histogram shifts; memory rises; the new pod's container restarts twice
 * 40 and 45 minutes after the rollout. Around it: {@code payments-api} in the same
 * namespace failing half its requests, {@code checkout-api} in {@code shop-staging}
 * without a single 5xx, and an {@code idle-api} with no traffic, so that a query that
 * picks the wrong series shows.
 */
final class CheckoutHistory {

	static final Duration STEP = Duration.ofSeconds(15);

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(27));

	static final Instant ROLLOUT = START.plus(Duration.ofMinutes(90));

	static final Instant END = START.plus(Duration.ofHours(3));

	static final String OLD_POD = "checkout-api-5f7c9d8b4-x2x7q";

	static final String NEW_POD = "checkout-api-6c8d7f9b5-k9m4p";

	static final double MEMORY_BEFORE = 314_572_800;

	static final double MEMORY_AFTER = 419_430_400;

	/**
	 * Bucket bounds and, per step, the cumulative counts before and after the rollout.
	 */
	static final String[] LE = { "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf" };

	static final int[] BUCKETS_BEFORE = { 150, 240, 290, 298, 300, 300, 300 };

	static final int[] BUCKETS_AFTER = { 30, 90, 150, 210, 270, 300, 300 };

	/** 0.25 + 0.25 * (297 - 290) / (298 - 290). */
	static final double P99_BEFORE = 0.46875;

	/** 1 + 1.5 * (297 - 270) / (300 - 270). */
	static final double P99_AFTER = 2.35;

	private static final int STEPS = (int) (Duration.between(START, END).toSeconds() / STEP.toSeconds());

	private static final int ROLLOUT_STEP = (int) (Duration.between(START, ROLLOUT).toSeconds() / STEP.toSeconds());

	private final StringBuilder text = new StringBuilder(4 << 20);

	private CheckoutHistory() {
	}

	static String openMetrics() {
		return new CheckoutHistory().build();
	}

	private String build() {
		family("http_server_requests_seconds", "histogram");
		requests("shop", OLD_POD, 0, ROLLOUT_STEP - 1, 297, 3);
		requests("shop", NEW_POD, ROLLOUT_STEP, STEPS, 240, 60);
		requests("shop", "payments-api-7b8c9d6f5-q2w3e", 0, STEPS, 150, 150);
		requests("shop-staging", "checkout-api-5f7c9d8b4-s7a8b", 0, STEPS, 300, 0);
		requests("shop", "idle-api-6d5f4c3b2-z9y8x", 0, STEPS, 0, 0);
		buckets("shop", OLD_POD, 0, ROLLOUT_STEP - 1, BUCKETS_BEFORE);
		buckets("shop", NEW_POD, ROLLOUT_STEP, STEPS, BUCKETS_AFTER);

		family("container_memory_working_set_bytes", "gauge");
		for (String[] pod : new String[][] { { OLD_POD, "0", String.valueOf(ROLLOUT_STEP - 1) },
				{ NEW_POD, String.valueOf(ROLLOUT_STEP), String.valueOf(STEPS) } }) {
			int from = Integer.parseInt(pod[1]);
			int to = Integer.parseInt(pod[2]);
			double app = (from == 0) ? MEMORY_BEFORE : MEMORY_AFTER;
			series("container_memory_working_set_bytes", container("shop", pod[0], "checkout-api"), from, to,
					(step) -> app);
			series("container_memory_working_set_bytes", container("shop", pod[0], ""), from, to,
					(step) -> app + 20_971_520);
			series("container_memory_working_set_bytes", container("shop", pod[0], "POD"), from, to,
					(step) -> 1_048_576);
		}

		family("container_cpu_usage_seconds", "counter");
		series("container_cpu_usage_seconds_total", container("shop", OLD_POD, "checkout-api"), 0, ROLLOUT_STEP - 1,
				(step) -> step * 3.75);
		series("container_cpu_usage_seconds_total", container("shop", OLD_POD, ""), 0, ROLLOUT_STEP - 1,
				(step) -> step * 4.0);
		series("container_cpu_usage_seconds_total", container("shop", OLD_POD, "POD"), 0, ROLLOUT_STEP - 1,
				(step) -> step * 0.015);

		family("kube_pod_container_status_restarts", "counter");
		series("kube_pod_container_status_restarts_total", container("shop", OLD_POD, "checkout-api"), 0,
				ROLLOUT_STEP - 1, (step) -> 0);
		int first = ROLLOUT_STEP + 40 * 4;
		int second = ROLLOUT_STEP + 45 * 4;
		series("kube_pod_container_status_restarts_total", container("shop", NEW_POD, "checkout-api"), ROLLOUT_STEP,
				STEPS, (step) -> (step >= second) ? 2 : (step >= first) ? 1 : 0);

		this.text.append("# EOF\n");
		return this.text.toString();
	}

	private void requests(String namespace, String pod, int from, int to, int ok, int failed) {
		Map<String, String> success = http(namespace, pod, "200", "SUCCESS");
		Map<String, String> error = http(namespace, pod, "500", "SERVER_ERROR");
		// an idle service has seen traffic once, long ago: a flat counter
		int base = (ok == 0 && failed == 0) ? 1000 : 0;
		series("http_server_requests_seconds_count", success, from, to, (step) -> base + (step - from) * ok);
		if (failed > 0) {
			series("http_server_requests_seconds_count", error, from, to, (step) -> (step - from) * failed);
		}
	}

	private void buckets(String namespace, String pod, int from, int to, int[] perStep) {
		for (int i = 0; i < LE.length; i++) {
			Map<String, String> labels = http(namespace, pod, "200", "SUCCESS");
			labels.put("le", LE[i]);
			int increment = perStep[i];
			series("http_server_requests_seconds_bucket", labels, from, to, (step) -> (step - from) * increment);
		}
	}

	private static Map<String, String> http(String namespace, String pod, String status, String outcome) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("namespace", namespace);
		labels.put("pod", pod);
		labels.put("method", "POST");
		labels.put("uri", "/checkout");
		labels.put("status", status);
		labels.put("outcome", outcome);
		return labels;
	}

	private static Map<String, String> container(String namespace, String pod, String container) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("namespace", namespace);
		labels.put("pod", pod);
		labels.put("container", container);
		return labels;
	}

	private void family(String name, String type) {
		this.text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
	}

	/** One sample per step from {@code from} to {@code to}, both included. */
	private void series(String name, Map<String, String> labels, int from, int to, IntToDoubleFunction value) {
		StringBuilder selector = new StringBuilder(name).append('{');
		labels.forEach((label, text) -> selector.append(label).append("=\"").append(text).append("\","));
		selector.setLength(selector.length() - 1);
		selector.append('}');
		for (int step = from; step <= to; step++) {
			long seconds = START.getEpochSecond() + step * STEP.toSeconds();
			this.text.append(selector)
				.append(' ')
				.append(value.applyAsDouble(step))
				.append(' ')
				.append(seconds)
				.append('\n');
		}
	}

}
