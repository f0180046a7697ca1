package dev.cairn.rego;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each limit ends a runaway evaluation with {@code eval_cancel_error} naming it. */
class LimitsTests {

	/**
	 * Rego forbids recursion, so deep evaluation comes from chains: {@code f<i>} calls
	 * {@code f<i-1>}, and {@code g<i>} nests {@code g<i-1>} in a comprehension, down to
	 * level 0.
	 */
	private static final String RECURSIVE = chain(2000);

	private static String chain(int levels) {
		StringBuilder m = new StringBuilder("package p\n\nf0(n) := n\n\ng0(n) := n\n");
		for (int i = 1; i <= levels; i++) {
			m.append("\nf").append(i).append("(n) := f").append(i - 1).append("(n)\n");
			m.append("\ng").append(i).append("(n) := [x | x := g").append(i - 1).append("(n)]\n");
		}
		return m.toString();
	}

	@Test
	void stepLimitStopsARunawayPolicy() {
		Rego rego = Rego.builder()
			.module("p.rego",
					"package p\nn := count({x | some a in numbers.range(1, 1000); "
							+ "some b in numbers.range(1, 1000); x := a * b})\n")
			.build();
		assertCancelled(() -> rego.prepare("data.p.n").evaluate(null, Limits.DEFAULT.withMaxSteps(10_000)),
				"step limit exceeded: more than 10000 steps (Limits.maxSteps)");
	}

	@Test
	void stepsAreDeterministic() {
		Rego rego = Rego.builder()
			.module("p.rego", "package p\nn := count([x | some x in numbers.range(1, 100)])\n")
			.build();
		PreparedQuery query = rego.prepare("data.p.n = n");
		assertThat(query.evaluate(null, Limits.DEFAULT.withMaxSteps(110)).rows()).hasSize(1);
		assertCancelled(() -> query.evaluate(null, Limits.DEFAULT.withMaxSteps(90)), "step limit exceeded");
	}

	@Test
	void timeLimitStopsASlowPolicy() {
		Rego rego = Rego.builder()
			.module("p.rego",
					"package p\nn := count([x | some a in numbers.range(1, 1000); "
							+ "some b in numbers.range(1, 1000); some c in numbers.range(1, 1000); x := a + b + c])\n")
			.build();
		long start = System.nanoTime();
		assertCancelled(
				() -> rego.prepare("data.p.n").evaluate(null, Limits.DEFAULT.withTimeout(Duration.ofMillis(50))),
				"time limit exceeded: evaluation took longer than 50 ms (Limits.timeout)");
		assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
	}

	@Test
	void depthLimitStopsRecursionThroughFunctions() {
		Rego rego = Rego.builder().module("p.rego", RECURSIVE).build();
		assertCancelled(() -> rego.prepare("x := data.p.f2000(0)").evaluate(null, Limits.DEFAULT.withMaxDepth(100)),
				"depth limit exceeded: evaluation nested more than 100 levels deep (Limits.maxDepth)");
		assertThat(rego.prepare("x := data.p.f20(0)").evaluate(null, Limits.DEFAULT.withMaxDepth(100)).rows())
			.containsExactly(java.util.Map.of("x", NumberValue.of(0)));
	}

	@Test
	void depthLimitStopsRecursionThroughComprehensions() {
		Rego rego = Rego.builder().module("p.rego", RECURSIVE).build();
		assertCancelled(() -> rego.prepare("x := data.p.g2000(0)").evaluate(null, Limits.DEFAULT.withMaxDepth(300)),
				"depth limit exceeded: evaluation nested more than 300 levels deep (Limits.maxDepth)");
	}

	@Test
	void deepRecursionNeverOverflowsEvenASmallStack() throws InterruptedException {
		Rego rego = Rego.builder().module("p.rego", RECURSIVE).build();
		String body = IntStream.range(1, 600)
			.mapToObj((i) -> "x" + i + " := x" + (i - 1) + " + 1")
			.collect(Collectors.joining("\n", "package q\nr := x599 if {\nx0 := 0\n", "\n}\n"));
		Rego longBody = Rego.builder().module("q.rego", body).build();
		AtomicReference<Object> outcomes = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				Value deepButAllowed = rego.prepare("x := data.p.g100(0)").evaluate().rows().get(0).get("x");
				Value longBodyValue = longBody.prepare("x := data.q.r").evaluate().rows().get(0).get("x");
				RegoException tooDeep = null;
				try {
					rego.prepare("x := data.p.f2000(0)").evaluate();
				}
				catch (RegoException ex) {
					tooDeep = ex;
				}
				outcomes.set(new Object[] { deepButAllowed, longBodyValue, tooDeep });
			}
			catch (Throwable ex) {
				outcomes.set(ex);
			}
		}, "small-stack", 128 * 1024);
		thread.start();
		thread.join();
		assertThat(outcomes.get()).isInstanceOf(Object[].class);
		Object[] results = (Object[]) outcomes.get();
		assertThat(results[0].toString()).startsWith("[[[[");
		assertThat(results[1]).isEqualTo(NumberValue.of(599));
		assertThat(results[2]).isInstanceOfSatisfying(RegoException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_CANCEL_ERROR);
			assertThat(ex.getMessage()).contains("depth limit exceeded: evaluation nested more than 1000 levels deep");
		});
	}

	@Test
	void outputLimitStopsAHugeComprehension() {
		Rego rego = Rego.builder()
			.module("p.rego",
					"package p\nxs := [[a, b] | some a in numbers.range(1, 300); some b in numbers.range(1, 300)]\n"
							+ "s := {x | some a in numbers.range(1, 300); some b in numbers.range(1, 300); x := a * 1000 + b}\n"
							+ "o := {k: a | a := numbers.range(1, 300)[_]; b := numbers.range(1, 300)[_]; k := [a, b]}\n")
			.build();
		Limits limits = Limits.DEFAULT.withMaxOutputSize(10_000);
		assertCancelled(() -> rego.prepare("data.p.xs").evaluate(null, limits),
				"output size limit exceeded: an array comprehension would have more than 10000 elements or characters "
						+ "(Limits.maxOutputSize)");
		assertCancelled(() -> rego.prepare("data.p.s").evaluate(null, limits), "a set comprehension would have more");
		assertCancelled(() -> rego.prepare("data.p.o").evaluate(null, limits),
				"an object comprehension would have more");
	}

	@Test
	void outputLimitStopsPartialRulesAndResultRows() {
		Rego rego = Rego.builder()
			.module("p.rego",
					"package p\ns contains a * 1000 + b if { some a in numbers.range(1, 300); "
							+ "some b in numbers.range(1, 300) }\n")
			.build();
		Limits limits = Limits.DEFAULT.withMaxOutputSize(10_000);
		assertCancelled(() -> rego.prepare("data.p.s").evaluate(null, limits),
				"partial set rule data.p.s would have more");
		assertCancelled(() -> rego.prepare("some a in numbers.range(1, 300); some b in numbers.range(1, 300)")
			.evaluate(null, limits), "the query's result rows would have more than 10000");
	}

	@Test
	void outputLimitStopsStringsAndRangesBeforeTheyAreBuilt() {
		Rego rego = Rego.builder().module("p.rego", """
				package p
				s1 := replace("abcdefghij", "", "abcdefghij")
				s2 := replace(s1, "", s1)
				s3 := replace(s2, "", s2)
				wide := sprintf("%999999999d", [1])
				joined := concat(",", [s2 | some _ in numbers.range(1, 100)])
				r := numbers.range(1, 1e15)
				shifted := bits.lsh(1, 2000000000)
				""").build();
		Limits limits = Limits.DEFAULT.withMaxOutputSize(100_000);
		assertCancelled(() -> rego.prepare("data.p.s3").evaluate(null, limits),
				"output size limit exceeded: the result of replace would have more than 100000");
		assertCancelled(() -> rego.prepare("data.p.wide").evaluate(null, limits), "the result of sprintf");
		assertCancelled(() -> rego.prepare("data.p.joined").evaluate(null, limits), "the result of concat");
		assertCancelled(() -> rego.prepare("data.p.r").evaluate(null, limits), "the result of numbers.range");
		assertCancelled(() -> rego.prepare("data.p.shifted").evaluate(null, limits), "the result of bits.lsh");
	}

	@Test
	void outputLimitCountsSharedPartsOfValuesAsOftenAsTheyArePrinted() {
		// Each level shares the one below twice: 60 levels hold 2^60 leaves in a few
		// objects.
		String doubling = IntStream.range(1, 61)
			.mapToObj((i) -> "x" + i + " := [x" + (i - 1) + ", x" + (i - 1) + "]")
			.collect(Collectors.joining("\n", "package p\nx0 := \"leaf\"\n", "\nj := json.marshal(x60)\n"));
		Rego rego = Rego.builder().module("p.rego", doubling).build();
		assertCancelled(() -> rego.prepare("data.p.j").evaluate(), "the result of json.marshal would have more");
	}

	@Test
	void limitsAreSetPerRegoPerQueryAndPerEvaluation() {
		Rego rego = Rego.builder()
			.module("p.rego", "package p\nn := count([x | some x in numbers.range(1, 1000)])\n")
			.limits(Limits.DEFAULT.withMaxSteps(100))
			.build();
		PreparedQuery query = rego.prepare("data.p.n = n");
		assertThat(query.limits().maxSteps()).isEqualTo(100);
		assertCancelled(query::evaluate, "more than 100 steps");
		PreparedQuery relaxed = query.withLimits(Limits.DEFAULT);
		assertThat(relaxed.evaluate().rows()).hasSize(1);
		assertCancelled(() -> relaxed.evaluate(null, Limits.DEFAULT.withMaxSteps(50)), "more than 50 steps");
		assertThat(query.evaluate(null, Limits.DEFAULT).rows()).hasSize(1);
	}

	@Test
	void interruptingTheThreadCancelsEvaluation() {
		Rego rego = Rego.builder()
			.module("p.rego",
					"package p\nn := count([x | some a in numbers.range(1, 1000); "
							+ "some b in numbers.range(1, 1000); x := a + b])\n")
			.build();
		Thread.currentThread().interrupt();
		try {
			assertCancelled(() -> rego.prepare("data.p.n").evaluate(),
					"evaluation cancelled: the thread was interrupted");
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void rejectsLimitsThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.withMaxSteps(0));
		assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.withMaxDepth(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.withMaxOutputSize(0));
		assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.withTimeout(Duration.ofSeconds(-1)));
		assertThat(Limits.DEFAULT).isEqualTo(new Limits(Duration.ofSeconds(10), 100_000_000L, 1000, 10_000_000L));
	}

	private static void assertCancelled(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
		assertThatExceptionOfType(RegoException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_CANCEL_ERROR);
			assertThat(ex.getMessage()).startsWith("eval_cancel_error: ").contains(message);
		});
	}

}
