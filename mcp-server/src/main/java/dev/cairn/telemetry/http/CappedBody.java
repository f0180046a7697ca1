package dev.cairn.telemetry.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. Past the limit the subscription is
 * cancelled, so the rest of the body is never transferred: the body either fails with
 * {@link TooLargeException} or ends as {@link Bytes#truncated() truncated}, as the caller
 * chose.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

	private final int limit;

	private final boolean truncate;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<Bytes> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private CappedBody(int limit, boolean truncate) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1 byte, got " + limit);
		}
		this.limit = limit;
		this.truncate = truncate;
	}

	/**
	 * A body that fails with {@link TooLargeException} when it is longer than the limit.
	 */
	public static CappedBody failingBeyond(int limit) {
		return new CappedBody(limit, false);
	}

	/** A body cut at the limit: enough of an error page to quote it. */
	public static CappedBody truncatedAt(int limit) {
		return new CappedBody(limit, true);
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			int room = this.limit - this.bytes.size();
			if (item.remaining() > room) {
				copy(item, room);
				this.subscription.cancel();
				if (this.truncate) {
					this.result.complete(new Bytes(this.bytes.toByteArray(), true));
				}
				else {
					this.result.completeExceptionally(new TooLargeException(this.limit));
				}
				return;
			}
			copy(item, item.remaining());
		}
	}

	private void copy(ByteBuffer item, int count) {
		byte[] chunk = new byte[count];
		item.get(chunk);
		this.bytes.write(chunk, 0, count);
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(new Bytes(this.bytes.toByteArray(), false));
	}

	@Override
	public CompletionStage<Bytes> getBody() {
		return this.result;
	}

	/**
	 * What was read.
	 *
	 * @param content the bytes, at most the limit
	 * @param truncated whether the body went on past the limit
	 */
	public record Bytes(byte[] content, boolean truncated) {

	}

	/** The body was longer than the limit allowed. */
	public static final class TooLargeException extends RuntimeException {

		private final int limit;

		TooLargeException(int limit) {
			super("the answer is longer than " + limit + " bytes");
			this.limit = limit;
		}

		public int limit() {
			return this.limit;
		}

	}

}
