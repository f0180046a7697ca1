package dev.cairn.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes appends in this process and commits concurrent ones together (group commit).
 * A caller queues its entry and takes the writer lock; whoever holds the lock writes
 * everything queued so far in one transaction, so callers that queued meanwhile find
 * their entry already durable when they get the lock. A caller alone pays for one
 * transaction and no thread hand-off; under load, one transaction serves many callers.
 * Every caller returns only once its entry is committed, or with the failure.
 * <p>
 * The lock keeps this process's appends in one line; the head row's {@code FOR UPDATE}
 * lock (see {@link AuditStore#append}) does the same across processes.
 */
final class AuditWriter {

	/** Most entries per transaction. */
	static final int MAX_BATCH = 256;

	private final AuditStore store;

	private final ReentrantLock lock = new ReentrantLock();

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	AuditWriter(AuditStore store) {
		this.store = store;
	}

	/**
	 * Appends one entry and returns it as stored, once committed.
	 * @throws AuditUnavailableException when it could not be written
	 */
	AuditEntry append(AuditEntry entry) {
		Pending pending = new Pending(entry);
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
			}
			if (ex instanceof Error error) {
				throw error;
			}
		}
	}

	private static final class Pending {

		final AuditEntry entry;

		// Written under the lock, read by the owner after taking the lock.
		volatile boolean done;

		volatile AuditEntry stored;

		volatile RuntimeException failure;

		Pending(AuditEntry entry) {
			this.entry = entry;
		}

	}

}
