package dev.cairn.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when a file under a folder changes: the catalog and the policies reload with
 * it. Changes are debounced (an editor's save is several events, a {@code git pull}
 * many), new sub-folders are watched as they appear, and the callback runs on the
 * watcher's own daemon thread, one call at a time.
 */
public final class FolderWatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FolderWatcher.class);

	private static final long DEBOUNCE_MILLIS = 300;

	private final Path root;

	private final Runnable reload;

	private final WatchService watcher;

	private final Thread thread;

	/**
	 * Starts watching.
	 * @param root the folder, watched recursively
	 * @param name names the watcher's thread, {@code cairn-<name>-watcher}
	 * @param reload called after each burst of changes
	 * @throws IOException when the folder cannot be watched
	 */
	public FolderWatcher(Path root, String name, Runnable reload) throws IOException {
		this.root = root;
		this.reload = reload;
		this.watcher = FileSystems.getDefault().newWatchService();
		registerAll(root);
		this.thread = new Thread(this::run, "cairn-" + name + "-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void registerAll(Path folder) throws IOException {
		try (Stream<Path> folders = Files.walk(folder)) {
			for (Path dir : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
				dir.register(this.watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
						StandardWatchEventKinds.ENTRY_DELETE);
			}
		}
	}

	private void run() {
		try {
			while (true) {
				WatchKey key = this.watcher.take();
				boolean changed = drain(key);
				// Debounce: keep collecting until the folder is quiet.
				WatchKey more;
				while ((more = this.watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
					changed |= drain(more);
				}
				if (changed) {
					try {
						registerAll(this.root);
					}
					catch (IOException ex) {
						logger.warn("cannot watch new folders under {}: {}", this.root, ex.getMessage());
					}
					try {
						this.reload.run();
					}
					catch (RuntimeException ex) {
						// One failed reload must not end the watching.
						logger.warn("reload after a change under {} failed", this.root, ex);
					}
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean drain(WatchKey key) {
		boolean changed = !key.pollEvents().isEmpty();
		key.reset();
		return changed;
	}

	@Override
	public void close() throws IOException {
		this.watcher.close();
		this.thread.interrupt();
	}

}
