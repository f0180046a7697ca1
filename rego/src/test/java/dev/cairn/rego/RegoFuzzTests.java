package dev.cairn.rego;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.BoolValue;
import dev.cairn.rego.value.NullValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;
import dev.cairn.rego.value.Values;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Feeds the parser and the evaluator random mutations of the modules, queries and inputs
 * of OPA's conformance cases, and requires that nothing but a {@link RegoException} ever
 * escapes, and that every evaluation ends within its limits.
 *
 * <p>
 * Each iteration draws from its own generator, seeded from the run's seed and the
 * iteration number, so one iteration replays alone:
 * {@code -Dcairn.rego.fuzz.seed=S -Dcairn.rego.fuzz.first=N -Dcairn.rego.fuzz.iterations=1}.
 */
class RegoFuzzTests {

	private static final long DEFAULT_SEED = 0x5EED_CA1F_0000_0001L;

	private static final int DEFAULT_ITERATIONS = 100_000;

	/** Tight, so that runaway mutants end quickly. */
	private static final Limits LIMITS = new Limits(Duration.ofMillis(200), 3_000, 80, 2_000);

	/** How long one evaluation may take past its timeout: a slow builtin call, a GC. */
	private static final long SLACK_NANOS = 3_000_000_000L;

	/** No progress for this long is a hang. */
	private static final long HANG_NANOS = 30_000_000_000L;

	private static final Pattern TOKEN = Pattern.compile(
			"[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|\"(?:[^\"\\\\\\n]++|\\\\.)*+\"|`[^`]*`|\\s+|:=|==|!=|<=|>=|.",
			Pattern.DOTALL);

	private static final String[] KEYWORDS = { "some ", "every ", " with ", "not ", " in ", " contains ", " if ",
			" else ", "default ", "import ", "package ", ":=", "=", "==", "|", "&", "$\"", "`", " as ",
			"future.keywords", "rego.v1", " and ", " or ", "input", "data", "_", ";", "\n", "{", "}", "[", "]", "(",
			")", ".", ",", ":", "#", "# METADATA\n# title: x\n" };

	private static final String[] NUMBERS = { "1e999999999", "-1e999999999", "1e-999999999", "9".repeat(400),
			"0." + "0".repeat(300) + "1", "123456789012345678901234567890", "1e308", "4.9e-324", "-0", "0.0",
			"18446744073709551616", "2147483648", "1e30000", "1e400", "0x10", "1_000", "01", ".5", "5." };

	private static final String[] STRINGS = { "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
			"\"\uD83D\uDE00\"", "\"\u202Eevil\"", "\"" + "a".repeat(5000) + "\"", "\"\\\\\"", "\"%v%s%d%*d%9999d\"",
			"\"%\"", "\"${x}\"", "`\n\t`", "\"\\x00\"", "\"0.0.0.0/0\"", "\"::/0\"", "\".*\"", "\"(a*)*b\"",
			"\"\\\\p{\"", "\"1e400\"", "\"-\"", "\"T\"", "\"2020-13-45T99:99:99Z\"", "\"[\"", "\"{\\\"a\\\":\"",
			"\"~\"" };

	private static final Pattern CALL = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*(?=\\()");

	/** Tokens of the corpus by kind, for mutations that keep a module parsing. */
	private static final Map<String, List<String>> POOLS = new java.util.HashMap<>();

	@Test
	void parserAndEvaluatorSurviveMutatedConformanceCases() throws Exception {
		Path dir = ConformanceFolder.find();
		assumeTrue(dir != null, "OPA's conformance cases are not here");
		List<Case> corpus = load(dir);
		assumeTrue(!corpus.isEmpty(), "no conformance cases found");
		collectPools(corpus);
		long seed = Long.getLong("cairn.rego.fuzz.seed", DEFAULT_SEED);
		int iterations = Integer.getInteger("cairn.rego.fuzz.iterations", DEFAULT_ITERATIONS);
		int first = Integer.getInteger("cairn.rego.fuzz.first", 0);
		System.out.printf("RegoFuzzTests: seed %d, iterations %d..%d, %d cases%n", seed, first, first + iterations - 1,
				corpus.size());
		int threads = Integer.getInteger("cairn.rego.fuzz.threads",
				Math.min(2, Runtime.getRuntime().availableProcessors()));
		Run run = new Run(corpus, seed, first, first + iterations);
		List<Worker> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Worker worker = new Worker(run);
			worker.setName("rego-fuzz-" + t);
			worker.setDaemon(true);
			workers.add(worker);
		}
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		for (Worker worker : workers) {
			while (worker.isAlive()) {
				worker.join(1000);
				for (Worker w : workers) {
					long busy = w.busySince;
					if (busy != 0 && System.nanoTime() - busy > HANG_NANOS) {
						StringBuilder trace = new StringBuilder();
						for (StackTraceElement e : w.getStackTrace()) {
							trace.append("\n\tat ").append(e);
						}
						String current = w.current;
						workers.forEach(Thread::interrupt);
						fail("hang: one iteration ran for more than " + HANG_NANOS / 1_000_000_000 + " s: " + current
								+ trace);
					}
				}
			}
		}
		long cpuMillis = workers.stream().mapToLong((w) -> w.cpuNanos).sum() / 1_000_000;
		System.out.printf(
				"RegoFuzzTests: %d iterations in %d ms (%d ms CPU, %d threads): %d parsed, %d evaluated, %d limits reached%n",
				run.done.get(), (System.nanoTime() - start) / 1_000_000, cpuMillis, threads, run.parsed.sum(),
				run.evaluated.sum(), run.limited.sum());
		if (run.done.get() < iterations && run.failures.isEmpty()) {
			fail("only " + run.done.get() + " of " + iterations + " iterations ran");
		}
		if (!run.failures.isEmpty()) {
			fail(run.failures.size() + " distinct failures (seed " + seed + "):\n\n"
					+ String.join("\n\n", run.failures.values()));
		}
	}

	/** A thread that takes iterations from a run until none are left. */
	private static final class Worker extends Thread {

		private final Run run;

		/** When the current iteration started ({@code System.nanoTime()}); 0 between. */
		volatile long busySince;

		volatile String current = "";

		volatile long cpuNanos;

		Worker(Run run) {
			this.run = run;
		}

		@Override
		public void run() {
			for (int i = this.run.next.getAndIncrement(); i < this.run.to
					&& this.run.failures.size() < 20; i = this.run.next.getAndIncrement()) {
				this.current = "iteration " + i + " (-Dcairn.rego.fuzz.seed=" + this.run.seed
						+ " -Dcairn.rego.fuzz.first=" + i + " -Dcairn.rego.fuzz.iterations=1)";
				this.busySince = System.nanoTime();
				try {
					Random random = new Random(this.run.seed * 1_000_003L + i);
					Attempt attempt = this.run.attempt(random);
					this.current += "\n" + attempt;
					this.run.check(attempt, this.current);
				}
				catch (Throwable ex) {
					this.run.record("fuzzer: " + Run.signature(ex), "the fuzzer itself failed", ex, this.current);
				}
				this.busySince = 0;
				this.run.done.incrementAndGet();
			}
			this.cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		}

	}

	/** The iterations to run and what they found; shared by the workers. */
	private static final class Run {

		final List<Case> corpus;

		final long seed;

		final int to;

		final java.util.concurrent.atomic.AtomicInteger next;

		final Map<String, String> failures = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

		final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();

		final java.util.concurrent.atomic.LongAdder parsed = new java.util.concurrent.atomic.LongAdder();

		final java.util.concurrent.atomic.LongAdder evaluated = new java.util.concurrent.atomic.LongAdder();

		final java.util.concurrent.atomic.LongAdder limited = new java.util.concurrent.atomic.LongAdder();

		Run(List<Case> corpus, long seed, int from, int to) {
			this.corpus = corpus;
			this.seed = seed;
			this.next = new java.util.concurrent.atomic.AtomicInteger(from);
			this.to = to;
		}

		Attempt attempt(Random random) {
			Case base = pick(random, this.corpus);
			List<String> modules = new ArrayList<>(base.modules());
			String query = base.query();
			Value input = base.input();
			switch (random.nextInt(12)) {
				case 10, 11 -> {
					// A builtin called with values of any type, huge and odd ones
					// included.
					List<String> names = POOLS.get("call");
					StringBuilder call = new StringBuilder("x := ").append(pick(random, names)).append('(');
					for (int arg = random.nextInt(4); arg > 0; arg--) {
						call.append(Values.toRego(randomValue(random, 2))).append((arg > 1) ? ", " : "");
					}
					query = call.append(')').toString();
				}
				case 0, 1, 2 -> {
					if (!modules.isEmpty()) {
						int at = random.nextInt(modules.size());
						modules.set(at, mutate(modules.get(at), random, 1 + random.nextInt(3)));
					}
				}
				case 3, 4 -> query = mutate(query, random, 1 + random.nextInt(3));
				case 5 -> input = randomValue(random, 4);
				case 6 -> input = mutatedJson(base.input(), random);
				case 7 -> {
					// Fragments of another case: its rules, or its query as a rule body.
					Case other = pick(random, this.corpus);
					if (!modules.isEmpty() && !other.modules().isEmpty()) {
						int at = random.nextInt(modules.size());
						String donor = pick(random, other.modules());
						modules.set(at, splice(modules.get(at), donor, random));
					}
					else {
						query = splice(query, other.query(), random);
					}
				}
				case 8 -> query = stress(query, random);
				default -> {
					if (!modules.isEmpty()) {
						int at = random.nextInt(modules.size());
						modules.set(at, stress(modules.get(at), random));
					}
					query = mutate(query, random, 1);
				}
			}
			return new Attempt(modules, query, base.data(), input, random.nextBoolean(), random.nextBoolean());
		}

		void check(Attempt attempt, String current) {
			long start = System.nanoTime();
			try {
				Rego.Builder builder = Rego.builder()
					.experimentalKeywords(attempt.experimental())
					.strictBuiltinErrors(attempt.strict())
					.limits(LIMITS);
				for (int m = 0; m < attempt.modules().size(); m++) {
					builder.module("fuzz-" + m + ".rego", attempt.modules().get(m));
				}
				if (attempt.data() instanceof ObjectValue data) {
					builder.data(data);
				}

				PreparedQuery query = builder.build().prepare(attempt.query());
				this.parsed.increment();
				long evalStart = System.nanoTime();
				QueryResult result;
				try {
					result = query.evaluate(attempt.input());
				}
				finally {
					long took = System.nanoTime() - evalStart;
					if (took > LIMITS.timeout().toNanos() + SLACK_NANOS) {
						record("slow", "evaluation took " + took / 1_000_000 + " ms, past its timeout of "
								+ LIMITS.timeout().toMillis() + " ms", null, current);
					}
				}
				this.evaluated.increment();
				if (result.rows().size() > LIMITS.maxOutputSize()) {
					record("rows", result.rows().size() + " rows, past the output limit", null, current);
				}
			}
			catch (RegoException ex) {
				if (ex.code() == ErrorCode.EVAL_CANCEL_ERROR) {
					this.limited.increment();
				}
				boolean internal = ex.code() == ErrorCode.EVAL_INTERNAL_ERROR
						|| ex.getMessage().contains("internal parser error");
				if (internal) {
					record(signature(ex), ex.getMessage(), ex, current);
				}
			}
			catch (Throwable ex) {
				record(signature(ex), ex.toString(), ex, current);
			}
			if (System.nanoTime() - start > 10 * (LIMITS.timeout().toNanos() + SLACK_NANOS)) {
				record("slow-build",
						"parsing, compiling and evaluating took " + (System.nanoTime() - start) / 1_000_000 + " ms",
						null, current);
			}
		}

		void record(String signature, String what, Throwable ex, String current) {
			if (this.failures.containsKey(signature)) {
				return;
			}
			StringBuilder text = new StringBuilder(what).append("\n");
			Throwable root = ex;
			while (root != null && root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			if (root != null) {
				text.append(root).append("\n");
				StackTraceElement[] trace = root.getStackTrace();
				for (int j = 0; j < Math.min(12, trace.length); j++) {
					text.append("\tat ").append(trace[j]).append("\n");
				}
			}
			text.append(current);
			this.failures.putIfAbsent(signature, text.toString());
		}

		static String signature(Throwable ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			StackTraceElement[] trace = root.getStackTrace();
			return root.getClass().getName() + ((trace.length > 0) ? "@" + trace[0] : "");
		}

	}

	/** The inputs of one iteration. */
	private record Attempt(List<String> modules, String query, Value data, Value input, boolean experimental,
			boolean strict) {

		@Override
		public String toString() {
			StringBuilder out = new StringBuilder();
			for (String module : this.modules) {
				out.append("--- module\n").append(module).append("\n");
			}
			out.append("--- query\n").append(this.query).append("\n");
			out.append("--- input\n").append(abbreviate(String.valueOf(this.input))).append("\n");
			out.append("--- data\n").append(abbreviate(String.valueOf(this.data))).append("\n");
			return out.append("--- experimental ")
				.append(this.experimental)
				.append(", strict ")
				.append(this.strict)
				.toString();
		}

		private static String abbreviate(String s) {
			return (s.length() > 2000) ? s.substring(0, 2000) + "..." : s;
		}

	}

	/** What the fuzzer takes from a conformance case. */
	private record Case(List<String> modules, String query, Value data, Value input) {
	}

	// Mutations

	static String mutate(String s, Random random, int times) {
		String out = s;
		for (int i = 0; i < times; i++) {
			out = mutateOnce(out, random);
		}
		return out;
	}

	private static String mutateOnce(String s, Random random) {
		if (s.isEmpty()) {
			return pick(random, KEYWORDS);
		}
		List<String> tokens = tokens(s);
		int t = random.nextInt(tokens.size());
		int u = random.nextInt(tokens.size());
		switch (random.nextInt(20)) {
			case 14, 15, 16, 17 -> {
				// A token of the same kind from elsewhere: the module likely still
				// parses.
				List<String> pool = POOLS.get(kind(tokens.get(t)));
				if (pool != null && !pool.isEmpty()) {
					tokens.set(t, pick(random, pool));
				}
			}
			case 18, 19 -> {
				// Another function called with the same arguments.
				Matcher m = CALL.matcher(s);
				List<int[]> calls = new ArrayList<>();
				while (m.find()) {
					calls.add(new int[] { m.start(), m.end() });
				}
				List<String> names = POOLS.get("call");
				if (calls.isEmpty() || names == null) {
					return mutateChars(s, random);
				}
				int[] call = pick(random, calls);
				return s.substring(0, call[0]) + pick(random, names) + s.substring(call[1]);
			}
			case 0 -> tokens.remove(t);
			case 1 -> tokens.add(t, tokens.get(u));
			case 2 -> {
				String x = tokens.get(t);
				tokens.set(t, tokens.get(u));
				tokens.set(u, x);
			}
			case 3 -> tokens.add(t, pick(random, KEYWORDS));
			case 4 -> replaceFirst(tokens, random, "[0-9].*", NUMBERS);
			case 5 -> replaceFirst(tokens, random, "[\"`].*", STRINGS);
			case 6 -> {
				// Deleting a run of tokens.
				int end = Math.min(tokens.size(), t + 1 + random.nextInt(8));
				tokens.subList(t, end).clear();
			}
			case 7 -> {
				// Duplicating a run of tokens.
				int end = Math.min(tokens.size(), t + 1 + random.nextInt(20));
				tokens.addAll(u, new ArrayList<>(tokens.subList(t, end)));
			}
			default -> {
				return mutateChars(s, random);
			}
		}
		return String.join("", tokens);
	}

	private static String kind(String token) {
		char c = token.charAt(0);
		if (Character.isDigit(c)) {
			return "number";
		}
		if (c == '"' || c == '`') {
			return "string";
		}
		if (Character.isLetter(c) || c == '_') {
			return "name";
		}
		return Character.isWhitespace(c) ? "space" : "operator";
	}

	private static void collectPools(List<Case> cases) {
		Map<String, java.util.Set<String>> pools = new java.util.TreeMap<>();
		for (Case c : cases) {
			List<String> sources = new ArrayList<>(c.modules());
			sources.add(c.query());
			for (String source : sources) {
				for (String token : tokens(source)) {
					if (token.length() <= 200) {
						pools.computeIfAbsent(kind(token), (k) -> new java.util.TreeSet<>()).add(token);
					}
				}
				Matcher m = CALL.matcher(source);
				while (m.find()) {
					pools.computeIfAbsent("call", (k) -> new java.util.TreeSet<>()).add(m.group());
				}
			}
		}
		pools.computeIfAbsent("number", (k) -> new java.util.TreeSet<>()).addAll(List.of(NUMBERS));
		pools.computeIfAbsent("string", (k) -> new java.util.TreeSet<>()).addAll(List.of(STRINGS));
		pools.forEach((kind, set) -> POOLS.put(kind, List.copyOf(set)));
	}

	private static String mutateChars(String s, Random random) {
		StringBuilder sb = new StringBuilder(s);
		int at = random.nextInt(sb.length() + 1);
		switch (random.nextInt(6)) {
			case 0 -> {
				if (at < sb.length()) {
					sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(4)));
				}
			}
			case 1 -> sb.insert(at, (char) random.nextInt(256));
			case 2 -> sb.insert(at, randomUnicode(random));
			case 3 -> {
				int from = random.nextInt(sb.length());
				int to = Math.min(sb.length(), from + 1 + random.nextInt(30));
				sb.insert(at, sb.substring(from, to));
			}
			case 4 -> {
				if (at < sb.length()) {
					String alphabet = "{}[]()\"`$#.,;:=!<>+-*/%&|\\ \n\t0x_";
					sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			default -> {
				int a = random.nextInt(sb.length());
				int b = random.nextInt(sb.length());
				char c = sb.charAt(a);
				sb.setCharAt(a, sb.charAt(b));
				sb.setCharAt(b, c);
			}
		}
		return sb.toString();
	}

	private static String randomUnicode(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> String.valueOf((char) (0xD800 + random.nextInt(0x800)));
			case 1 -> new String(Character.toChars(0x10000 + random.nextInt(0xF0000)));
			case 2 -> "\u0000";
			case 3 -> "\uFEFF";
			case 4 -> "\u2028";
			default -> String.valueOf((char) random.nextInt(0x10000));
		};
	}

	private static void replaceFirst(List<String> tokens, Random random, String regex, String[] choices) {
		int start = random.nextInt(tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			int j = (start + i) % tokens.size();
			if (tokens.get(j).matches(regex)) {
				tokens.set(j, pick(random, choices));
				return;
			}
		}
		tokens.add(start, pick(random, choices));
	}

	private static String splice(String into, String donor, Random random) {
		List<String> a = tokens(into);
		List<String> b = tokens(donor);
		int from = random.nextInt(b.size());
		int to = Math.min(b.size(), from + 1 + random.nextInt(40));
		a.addAll(random.nextInt(a.size() + 1), b.subList(from, to));
		return String.join("", a);
	}

	/** Deep nesting, long chains and huge literals around a random spot. */
	private static String stress(String s, Random random) {
		List<String> tokens = tokens(s.isEmpty() ? "x" : s);
		int at = random.nextInt(tokens.size() + 1);
		int n = 1 + random.nextInt(random.nextBoolean() ? 300 : 40);
		String[][] pairs = { { "[", "]" }, { "{", "}" }, { "(", ")" }, { "[x | x := ", "]" }, { "{x | x := ", "}" },
				{ "count([", "])" }, { "not (", ")" }, { "f(", ")" }, { "{\"a\": ", "}" }, { "$\"{", "}\"" } };
		String[] pair = pick(random, pairs);
		String insert = switch (random.nextInt(6)) {
			case 0 -> pair[0].repeat(n) + "1" + pair[1].repeat(n);
			case 1 -> "1" + " + 1".repeat(n * 10);
			case 2 -> "x := 1; " + "y := x; ".repeat(n);
			case 3 -> pick(random, NUMBERS);
			case 4 -> pick(random, STRINGS);
			default -> pair[0].repeat(n);
		};
		tokens.add(at, insert);
		return String.join("", tokens);
	}

	private static List<String> tokens(String s) {
		List<String> out = new ArrayList<>();
		Matcher m = TOKEN.matcher(s);
		while (m.find()) {
			out.add(m.group());
		}
		if (out.isEmpty()) {
			out.add(s);
		}
		return out;
	}

	private static Value mutatedJson(Value input, Random random) {
		String json = (input != null) ? Values.toJsonText(input) : "{}";
		String mutated = mutate(json, random, 1 + random.nextInt(3));
		try {
			return Values.parseJson(mutated);
		}
		catch (IllegalArgumentException ex) {
			// Invalid JSON is the caller's to reject; evaluate something else.
			return randomValue(random, 3);
		}
	}

	static Value randomValue(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 9 : 5);
		return switch (kind) {
			case 0 -> NullValue.NULL;
			case 1 -> BoolValue.of(random.nextBoolean());
			case 2 -> NumberValue.of(random.nextInt(21) - 10);
			case 3 -> NumberValue.parse(pick(random, new String[] { "1e400", "-1e-400", "0.5",
					"123456789012345678901234567890", "1e999999999", "3.14159", "9007199254740993" }));
			case 4 -> StringValue.of(switch (random.nextInt(5)) {
				case 0 -> "";
				case 1 -> randomUnicode(random) + randomUnicode(random);
				case 2 -> "a".repeat(random.nextInt(100));
				case 3 -> pick(random,
						new String[] { "x", "admin", "GET", "1.2.3.4/8", "2020-01-01T00:00:00Z", "10Gi", "::1/128",
								"0.0.0.0/0", "1.2.3", "v1.0.0-rc.1+build", "a.b.c", "*.b.[ac]", "{a,b}*", "(a|b)+$",
								"[", "\\", "%v %d %s %x %.3f %-10s %+q %08b", "{\"a\": [1, 2]}", "a: [1, {b: c}]",
								"eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln", "aGVsbG8=", "https://u:p@h:80/p?q=1#f", "1h30m",
								"-1e9ns", "a=1&b=2", "Mon, 02 Jan 2006 15:04:05 MST", "2006-01-02",
								"00000000-0000-0000-0000-000000000000", "/a/b/~0~1", "a/b" });
				default -> pick(random, STRINGS);
			});
			case 5, 6 -> {
				List<Value> elements = new ArrayList<>();
				for (int i = random.nextInt(6); i > 0; i--) {
					elements.add(randomValue(random, depth - 1));
				}
				yield (kind == 5) ? ArrayValue.of(elements) : SetValue.of(elements);
			}
			default -> {
				ObjectValue.Builder b = ObjectValue.builder();
				for (int i = random.nextInt(6); i > 0; i--) {
					Value key = random.nextInt(4) == 0 ? randomValue(random, 0) : StringValue
						.of(pick(random, new String[] { "a", "b", "x", "user", "roles", "items", "" }));
					b.put(key, randomValue(random, depth - 1));
				}
				yield b.build();
			}
		};
	}

	private static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private static <T> T pick(Random random, T[] array) {
		return array[random.nextInt(array.length)];
	}

	// The corpus

	private static List<Case> load(Path dir) throws IOException {
		ObjectMapper yaml = YAMLMapper.builder().build();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		List<Case> cases = new ArrayList<>();
		for (Path file : files) {
			JsonNode root;
			try {
				root = yaml.readTree(file.toFile());
			}
			catch (RuntimeException ex) {
				continue;
			}
			for (JsonNode c : root.path("cases")) {
				List<String> modules = new ArrayList<>();
				c.path("modules").forEach((m) -> modules.add(m.asString()));
				String query = c.path("query").asString("");
				if (query.isEmpty()) {
					continue;
				}
				Value data = c.has("data") && c.get("data").isObject() ? Values.fromJson(c.get("data")) : null;
				Value input = c.has("input") ? Values.fromJson(c.get("input")) : null;
				cases.add(new Case(List.copyOf(modules), query, data, input));
			}
		}
		return cases;
	}

}
