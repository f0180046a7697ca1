package ${{ values.javaPackage }};

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts requests by method and status and times them into fixed buckets, served in the
 * Prometheus text format at {@code /metrics}: the names the platform's dashboard and
 * alert rules query ({@code http_requests_total}, {@code http_request_duration_seconds}).
 */
@Component
@RestController
class RequestMetrics extends OncePerRequestFilter {

	private static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

	private final Map<String, LongAdder> requests = new TreeMap<>();

	private final long[] bucketCounts = new long[BUCKETS.length];

	private long count;

	private double sum;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			record(request.getMethod(), response.getStatus(), (System.nanoTime() - start) / 1e9);
		}
	}

	private synchronized void record(String method, int status, double seconds) {
		this.requests.computeIfAbsent("method=\"" + method + "\",code=\"" + status + "\"", (key) -> new LongAdder())
			.increment();
		for (int i = 0; i < BUCKETS.length; i++) {
			if (seconds <= BUCKETS[i]) {
				this.bucketCounts[i]++;
			}
		}
		this.count++;
		this.sum += seconds;
	}

	@GetMapping(path = "/metrics", produces = MediaType.TEXT_PLAIN_VALUE)
	synchronized String metrics() {
		StringBuilder out = new StringBuilder();
		out.append("# HELP http_requests_total HTTP requests served.\n# TYPE http_requests_total counter\n");
		this.requests.forEach((labels, value) -> out.append("http_requests_total{")
			.append(labels)
			.append("} ")
			.append(value.sum())
			.append('\n'));
		out.append("# HELP http_request_duration_seconds HTTP request latency.\n")
			.append("# TYPE http_request_duration_seconds histogram\n");
		for (int i = 0; i < BUCKETS.length; i++) {
			out.append("http_request_duration_seconds_bucket{le=\"")
				.append(BUCKETS[i])
				.append("\"} ")
				.append(this.bucketCounts[i])
				.append('\n');
		}
		out.append("http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(this.count).append('\n');
		out.append("http_request_duration_seconds_sum ").append(this.sum).append('\n');
		out.append("http_request_duration_seconds_count ").append(this.count).append('\n');
		return out.toString();
	}

}
