package dev.cairn.telemetry.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's bytes up to a cap, then cancels the subscription: the client drops
 * the connection instead of reading the rest, and the body completes marked cut. The
 * buffer grows with what arrives, so a short answer under a large cap stays small.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Bytes> {

	/**
	 * What was read.
	 *
	 * @param bytes the buffer; only the first {@code length} bytes count
	 * @param length how many bytes were read, at most the cap
	 * @param cut whether the body went on past the cap
	 */
	record Bytes(byte[] bytes, int length, boolean cut) {

	}

	private final long cap;

	private final CompletableFuture<Bytes> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private byte[] buffer;

	private int length;

	/**
	 * @param cap at most this many bytes are kept; 0 stops the transfer at once
	 */
	BoundedBody(long cap) {
		if (cap < 0 || cap > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("the cap must be between 0 and 2 GiB, got " + cap);
		}
		this.cap = cap;
		this.buffer = new byte[(int) Math.min(cap, 8192)];
	}

	@Override
	public CompletionStage<Bytes> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			int room = (int) Math.min(item.remaining(), this.cap - this.length);
			ensure(this.length + room);
			item.get(this.buffer, this.length, room);
			this.length += room;
			if (item.hasRemaining()) {
				this.subscription.cancel();
				this.result.complete(new Bytes(this.buffer, this.length, true));
				return;
			}
		}
		this.subscription.request(1);
	}

	private void ensure(int size) {
		if (size > this.buffer.length) {
			long grown = Math.max(size, Math.min(this.cap, 2L * this.buffer.length));
			this.buffer = Arrays.copyOf(this.buffer, (int) grown);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.result.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.result.complete(new Bytes(this.buffer, this.length, false));
	}

}
