package dev.cairn.goldenpath;

import java.util.List;
import java.util.Objects;

/**
 * A commit a run would make.
 *
 * @param repository the repository's location
 * @param message the commit message
 * @param author who the commit is made for (the caller)
 * @param files every file the commit adds, sorted by path
 * @param diff a unified-diff-style text against the files' previous state (an empty tree
 * for a new repository), bounded; {@link #diffTruncated} says when lines were cut
 * @param diffTruncated whether the diff leaves lines out
 */
public record PlannedCommit(String repository, String message, String author, List<PlannedFile> files, String diff,
		boolean diffTruncated) {

	public PlannedCommit {
		Objects.requireNonNull(message, "message");
		files = List.copyOf(files);
	}

	/** The bytes the commit writes, over every file. */
	public long bytes() {
		return this.files.stream().mapToLong(PlannedFile::size).sum();
	}

	/**
	 * One file of a commit.
	 *
	 * @param path relative, {@code /}-separated
	 * @param change {@code add} (the plan knows no earlier version of the file)
	 * @param size in bytes
	 * @param mode the git file mode, {@code 100644} or {@code 100755}
	 * @param sha256 the content's SHA-256, lowercase hex
	 * @param binary whether the content is not UTF-8 text
	 */
	public record PlannedFile(String path, String change, long size, String mode, String sha256, boolean binary) {
	}

}
