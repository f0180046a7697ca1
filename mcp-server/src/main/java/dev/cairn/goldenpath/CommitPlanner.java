package dev.cairn.goldenpath;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

/**
 * Describes a commit that adds files: each file's size, mode and SHA-256, and a unified
 * diff against an empty tree, bounded per file and in total so that a plan stays
 * readable.
 */
final class CommitPlanner {

	/** Lines of a file shown in the diff. */
	static final int LINES_PER_FILE = 40;

	/** Added lines shown in one commit's diff, over every file. */
	static final int LINES_PER_COMMIT = 600;

	private CommitPlanner() {
	}

	static PlannedCommit adding(String repository, String message, String author,
			SortedMap<String, RenderedFile> files) {
		List<PlannedCommit.PlannedFile> planned = new ArrayList<>();
		StringBuilder diff = new StringBuilder();
		int budget = LINES_PER_COMMIT;
		boolean truncated = false;
		for (RenderedFile file : files.values()) {
			String text = SkeletonFile.textOf(file.content());
			String mode = file.executable() ? "100755" : "100644";
			planned.add(new PlannedCommit.PlannedFile(file.path(), "add", file.content().length, mode,
					sha256(file.content()), text == null));
			diff.append("diff --git a/").append(file.path()).append(" b/").append(file.path()).append('\n');
			diff.append("new file mode ").append(mode).append('\n');
			if (text == null) {
				diff.append("Binary file b/")
					.append(file.path())
					.append(" added (")
					.append(file.content().length)
					.append(" bytes)\n");
				continue;
			}
			List<String> lines = lines(text);
			if (lines.isEmpty()) {
				continue;
			}
			diff.append("--- /dev/null\n+++ b/").append(file.path()).append('\n');
			diff.append("@@ -0,0 +1").append((lines.size() == 1) ? "" : "," + lines.size()).append(" @@\n");
			int shown = Math.min(lines.size(), Math.min(LINES_PER_FILE, budget));
			for (int i = 0; i < shown; i++) {
				diff.append('+').append(lines.get(i)).append('\n');
			}
			budget -= shown;
			if (shown < lines.size()) {
				truncated = true;
				diff.append("... ")
					.append(lines.size() - shown)
					.append(" more lines of ")
					.append(file.path())
					.append(" not shown")
					.append((budget == 0) ? " (the diff shows at most " + LINES_PER_COMMIT + " lines)" : "")
					.append('\n');
			}
		}
		return new PlannedCommit(repository, message, author, planned, diff.toString(), truncated);
	}

	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
