package dev.cairn.telemetry.github;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Flow;

import dev.cairn.telemetry.LogLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job log reader on its own, fed as the HTTP client feeds it: in buffers that split
 * lines anywhere.
 */
class JobLogTailTests {

	private static JobLogTail.Tail read(JobLogTail tail, String text, int chunk) {
		boolean[] cancelled = { false };
		tail.onSubscribe(new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				cancelled[0] = true;
			}

		});
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length && !cancelled[0]; i += chunk) {
			int end = Math.min(bytes.length, i + chunk);
			tail.onNext(List.of(ByteBuffer.wrap(bytes, i, end - i)));
		}
		if (!cancelled[0]) {
			tail.onComplete();
		}
		return tail.getBody().toCompletableFuture().join();
	}

	@Test
	void linesWithoutATimestampTakeTheTimeAroundThem() {
		String log = "continued from before\r\n" + "2026-11-21T09:31:01.8213004Z ##[debug]Evaluating condition\r\n"
				+ "a line the runner printed bare\r\n" + "2026-11-21T09:31:02.0000000Z ##[notice]Cache restored\n";
		JobLogTail.Tail tail = read(new JobLogTail(10, 1 << 20, false), log, 7);
		assertThat(tail.truncated()).isFalse();
		assertThat(tail.lines()).containsExactly(
				new LogLine(Instant.parse("2026-11-21T09:31:01.8213004Z"), null, null, null, "continued from before"),
				new LogLine(Instant.parse("2026-11-21T09:31:01.8213004Z"), "debug", null, null, "Evaluating condition"),
				new LogLine(Instant.parse("2026-11-21T09:31:01.8213004Z"), null, null, null,
						"a line the runner printed bare"),
				new LogLine(Instant.parse("2026-11-21T09:31:02Z"), "info", null, null, "Cache restored"));
	}

	@Test
	void aHugeLineIsCutAndTheByteLimitStopsTheTransfer() {
		String huge = "2026-11-21T09:31:01.0000000Z " + "x".repeat(JobLogTail.MAX_LINE_BYTES * 2) + "\n";
		JobLogTail.Tail tail = read(new JobLogTail(10, 1 << 20, false), huge + huge, 4096);
		assertThat(tail.lines()).hasSize(2)
			.allSatisfy((line) -> assertThat(line.message()).hasSizeLessThanOrEqualTo(JobLogTail.MAX_LINE_BYTES));
		JobLogTail.Tail cut = read(new JobLogTail(10, 100, false), "2026-11-21T09:31:01.0000000Z first\n".repeat(10),
				16);
		assertThat(cut.truncated()).isTrue();
		assertThat(cut.bytes()).isEqualTo(100);
		assertThat(cut.lines()).extracting(LogLine::message).containsOnly("first");
	}

	@Test
	void aRangeThatStartsInsideALineDropsIt() {
		JobLogTail.Tail tail = read(new JobLogTail(10, 1 << 20, true),
				"09:31:01.0000000Z half a line\n2026-11-21T09:31:02.0000000Z whole\n", 5);
		assertThat(tail.lines()).extracting(LogLine::message).containsExactly("whole");
		assertThat(tail.truncated()).isTrue();
	}

}
