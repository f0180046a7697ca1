package dev.cairn.rego.bench;

import java.util.Arrays;
import java.util.List;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.value.Value;

/**
 * Per-evaluation latency without JMH: times every evaluation with {@link System#nanoTime}
 * on one thread, after a warm-up, and prints percentiles of all of them. A cross-check of
 * JMH's sampled percentiles; the timer itself adds about 20-40 ns per operation.
 *
 * <p>
 * Usage: {@code LatencyHarness [warm-up evaluations] [measured evaluations]}.
 */
public final class LatencyHarness {

	private LatencyHarness() {
	}

	public static void main(String[] args) {
		int warmup = (args.length > 0) ? Integer.parseInt(args[0]) : 2_000_000;
		int measured = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000_000;
		PreparedQuery query = AuthzFixture.prepare();
		List<Value> inputs = AuthzFixture.inputs(256);
		long sink = 0;
		for (int i = 0; i < warmup; i++) {
			sink += query.evaluate(inputs.get(i & 255)).rows().size();
		}
		long[] nanos = new long[measured];
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		for (int i = 0; i < measured; i++) {
			long t0 = System.nanoTime();
			sink += query.evaluate(inputs.get(i & 255)).rows().size();
			nanos[i] = System.nanoTime() - t0;
		}
		long total = System.nanoTime() - start;
		long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
		Arrays.sort(nanos);
		System.out.printf("evaluations: %d (after %d warm-up), mean %.2f us, throughput %.0f ops/s%n", measured, warmup,
				total / 1e3 / measured, measured / (total / 1e9));
		for (double p : new double[] { 0.5, 0.9, 0.99, 0.999, 0.9999 }) {
			System.out.printf("p%-7s %8.2f us%n", trim(p * 100),
					nanos[(int) Math.min(measured - 1, p * measured)] / 1e3);
		}
		System.out.printf("max      %8.2f us%n", nanos[measured - 1] / 1e3);
		// CPU time of this thread per evaluation: unlike wall-clock time, it leaves out
		// the
		// time other processes held the core, so it compares runs on a busy machine.
		System.out.printf("cpu/op   %8.2f us%n", cpu / 1e3 / measured);
		if (sink == 42) {
			System.out.println();
		}
	}

	private static String trim(double percent) {
		String s = Double.toString(percent);
		return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
	}

}
