package dev.cairn.rego.internal.eval;

import java.util.function.Supplier;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

/**
 * Runs an evaluation on a thread of its own with a stack sized for its depth limit, and
 * hands back its result or its exception. The caller waits; interrupting the caller
 * cancels the evaluation.
 */
final class DeepStack {

	/**
	 * Stack per level of depth: about twice the most a level was measured to take, with
	 * the interpreter or compiled code.
	 */
	private static final long BYTES_PER_LEVEL = 16 * 1024;

	/** Room for one expression's nested terms and for the thread's own frames. */
	private static final long BASE_BYTES = 8 * 1024 * 1024;

	/**
	 * The most stack to ask for; the JVM reserves it, but only touched pages use memory.
	 */
	private static final long MAX_BYTES = 1L << 30;

	private DeepStack() {
	}

	static long bytesFor(int maxDepth) {
		return Math.min(MAX_BYTES, BASE_BYTES + maxDepth * BYTES_PER_LEVEL);
	}

	static <T> T run(Supplier<T> task, long stackBytes) {
		Object[] outcome = new Object[1];
		Thread thread = new Thread(null, () -> {
			try {
				outcome[0] = task.get();
			}
			catch (Throwable ex) {
				outcome[0] = new Failure(ex);
			}
		}, "cairn-rego-deep-evaluation", stackBytes);
		thread.setDaemon(true);
		thread.start();
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				// Passed on: the evaluation sees it at its next check and stops soon.
				interrupted = true;
				thread.interrupt();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (outcome[0] instanceof Failure failure) {
			Throwable ex = failure.cause();
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex instanceof Error error) {
				throw error;
			}
			throw new RegoException(ErrorCode.EVAL_INTERNAL_ERROR, null, "internal evaluation error: " + ex, ex);
		}
		@SuppressWarnings("unchecked")
		T result = (T) outcome[0];
		return result;
	}

	private record Failure(Throwable cause) {
	}

}
