package dev.cairn.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes appends in this process and commits concurrent ones together (group commit).
 * A caller queues its entry and takes the writer lock; whoever holds the lock writes
 * everything queued so far in one transaction, so callers that queued meanwhile find
 * their entry already durable when they get the lock. A caller alone pays for one
 * transaction and no thread hand-off; under load, one transaction serves many callers.
 * Every caller returns only once its entry is committed, or with the failure.
 * <p>
 * An entry nobody needs to wait for (a call's completion, written after the call has run)
 * can be queued with {@link #appendLater}: the next append takes it along, or the writer
 * thread writes it {@value #FLUSH_DELAY_MILLIS} ms later. {@link #drain} writes
 * everything queued before a reader looks, and {@link #close} before the process ends.
 * <p>
 * The lock keeps this process's appends in one line; the head row's {@code FOR UPDATE}
 * lock (see {@link AuditStore#append}) does the same across processes.
 */
final class AuditWriter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AuditWriter.class);

	/**
	 * How long a queued entry may wait for an append to take it along before the writer
	 * thread writes it: under load the next call's entry carries it, one transaction for
	 * both.
	 */
	static final long FLUSH_DELAY_MILLIS = 20;

	/** Most entries per transaction. */
	static final int MAX_BATCH = 256;

	private final AuditStore store;

	private final ReentrantLock lock = new ReentrantLock();

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean flushScheduled = new AtomicBoolean();

	private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "cairn-audit-writer");
		thread.setDaemon(true);
		return thread;
	});

	AuditWriter(AuditStore store) {
		this.store = store;
	}

	/**
	 * Queues an entry and returns at once; it is written with the next append, or by the
	 * writer thread. A failure to write it is logged: no caller is waiting to hear it.
	 */
	void appendLater(AuditEntry entry) {
		this.queue.add(new Pending(entry, true));
		if (this.flushScheduled.compareAndSet(false, true)) {
			try {
				this.flusher.schedule(this::flushScheduled, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Closing: write it now.
				this.flushScheduled.set(false);
				drain();
			}
		}
	}

	/** Writes everything queued so far; returns once it is committed (or has failed). */
	void drain() {
		this.lock.lock();
		try {
			while (!this.queue.isEmpty()) {
				writeQueued();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Writes what is queued and stops the writer thread. */
	@Override
	public void close() {
		this.flusher.shutdown();
		try {
			this.flusher.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		drain();
	}

	private void flushScheduled() {
		// Cleared first, so that an entry queued while this one writes schedules
		// another run.
		this.flushScheduled.set(false);
		drain();
	}

	/**
	 * Appends one entry and returns it as stored, once committed.
	 * @throws AuditUnavailableException when it could not be written
	 */
	AuditEntry append(AuditEntry entry) {
		Pending pending = new Pending(entry, false);
		this.queue.add(pending);
		this.lock.lock();
		try {
			while (!pending.done) {
				writeQueued();
			}
		}
		finally {
			this.lock.unlock();
		}
		if (pending.failure != null) {
			throw new AuditUnavailableException(pending.failure.getMessage(), pending.failure);
		}
		return pending.stored;
	}

	private void writeQueued() {
		List<Pending> batch = new ArrayList<>();
		Pending next;
		while (batch.size() < MAX_BATCH && (next = this.queue.poll()) != null) {
			batch.add(next);
		}
		List<AuditEntry> entries = new ArrayList<>(batch.size());
		batch.forEach((pending) -> entries.add(pending.entry));
		try {
			List<AuditEntry> stored = this.store.append(entries);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).stored = stored.get(i);
				batch.get(i).done = true;
			}
		}
		catch (RuntimeException | Error ex) {
			// Every caller in the batch must learn the outcome, or it would wait forever.
			RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
					: new AuditUnavailableException("cannot append to the audit trail: " + ex, ex);
			for (Pending pending : batch) {
				pending.failure = failure;
				pending.done = true;
				if (pending.detached) {
					logger.error("audit entry {} of request {} could not be written: {}", pending.entry.type(),
							pending.entry.requestId(), failure.getMessage());
				}
			}
			if (ex instanceof Error error) {
				throw error;
			}
		}
	}

	private static final class Pending {

		final AuditEntry entry;

		/** Nobody waits for it (see appendLater). */
		final boolean detached;

		// Written under the lock, read by the owner after taking the lock.
		volatile boolean done;

		volatile AuditEntry stored;

		volatile RuntimeException failure;

		Pending(AuditEntry entry, boolean detached) {
			this.entry = entry;
			this.detached = detached;
		}

	}

}
