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
 * the connection instead of reading the rest, and the body completes marked cut.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Bytes> {

	record Bytes(byte[] bytes, int length, boolean cut) {

	}

	private final long cap;

	private final CompletableFuture<Bytes> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private byte[] buffer = new byte[8192];

	private int length;

	BoundedBody(long cap) {
		this.cap = cap;
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
			this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
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
