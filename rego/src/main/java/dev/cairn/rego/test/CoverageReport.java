package dev.cairn.rego.test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Line coverage of a test run, shaped as OPA's coverage report: per file the covered and
 * not covered line ranges, their line counts and the percentage covered, and the same
 * totals over all files.
 *
 * @param files per file name, sorted
 * @param coveredLines lines covered in all files
 * @param notCoveredLines lines not covered in all files
 * @param coverage percentage of coverable lines covered, 0 when there are none
 */
public record CoverageReport(Map<String, FileCoverage> files, int coveredLines, int notCoveredLines, double coverage) {

	public CoverageReport {
		files = Collections.unmodifiableMap(new TreeMap<>(files));
	}

	static CoverageReport of(Map<String, BitSet> covered, Map<String, BitSet> notCovered) {
		Map<String, FileCoverage> files = new TreeMap<>();
		TreeMap<String, BitSet> names = new TreeMap<>(covered);
		notCovered.forEach(names::putIfAbsent);
		int coveredLines = 0;
		int notCoveredLines = 0;
		for (String file : names.keySet()) {
			FileCoverage fc = FileCoverage.of(covered.getOrDefault(file, new BitSet()),
					notCovered.getOrDefault(file, new BitSet()));
			files.put(file, fc);
			coveredLines += fc.coveredLines();
			notCoveredLines += fc.notCoveredLines();
		}
		return new CoverageReport(files, coveredLines, notCoveredLines, percent(coveredLines, notCoveredLines));
	}

	private static double percent(int covered, int notCovered) {
		int total = covered + notCovered;
		return (total == 0) ? 0 : 100.0 * covered / total;
	}

	/** The report as {@code opa test --coverage} prints it, with a final newline. */
	public String toJson() {
		Map<String, Object> out = new LinkedHashMap<>();
		Map<String, Object> files = new LinkedHashMap<>();
		this.files.forEach((name, fc) -> files.put(name, fc.json()));
		out.put("files", files);
		out.put("covered_lines", this.coveredLines);
		out.put("not_covered_lines", this.notCoveredLines);
		out.put("coverage", this.coverage);
		return GoJson.write(out) + "\n";
	}

	/**
	 * Coverage of one file.
	 *
	 * @param covered ranges of covered lines, in order
	 * @param notCovered ranges of coverable lines not covered, in order
	 * @param coveredLines number of covered lines
	 * @param notCoveredLines number of lines not covered
	 * @param coverage percentage covered, 0 when the file has no coverable lines
	 */
	public record FileCoverage(List<Range> covered, List<Range> notCovered, int coveredLines, int notCoveredLines,
			double coverage) {

		public FileCoverage {
			covered = List.copyOf(covered);
			notCovered = List.copyOf(notCovered);
		}

		static FileCoverage of(BitSet covered, BitSet notCovered) {
			return new FileCoverage(Range.of(covered), Range.of(notCovered), covered.cardinality(),
					notCovered.cardinality(), percent(covered.cardinality(), notCovered.cardinality()));
		}

		/** As Go writes it: empty lists and zero counts are left out. */
		private Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			if (!this.covered.isEmpty()) {
				out.put("covered", this.covered.stream().map(Range::json).toList());
			}
			if (!this.notCovered.isEmpty()) {
				out.put("not_covered", this.notCovered.stream().map(Range::json).toList());
			}
			if (this.coveredLines != 0) {
				out.put("covered_lines", this.coveredLines);
			}
			if (this.notCoveredLines != 0) {
				out.put("not_covered_lines", this.notCoveredLines);
			}
			if (this.coverage != 0) {
				out.put("coverage", this.coverage);
			}
			return out;
		}

	}

	/**
	 * Consecutive lines, both ends included.
	 *
	 * @param start first line, 1-based
	 * @param end last line
	 */
	public record Range(int start, int end) {

		public Range {
			if (start < 1 || end < start) {
				throw new IllegalArgumentException("bad range " + start + "-" + end);
			}
		}

		static List<Range> of(BitSet rows) {
			List<Range> out = new ArrayList<>();
			for (int start = rows.nextSetBit(0); start >= 0;) {
				int end = rows.nextClearBit(start) - 1;
				out.add(new Range(start, end));
				start = rows.nextSetBit(end + 1);
			}
			return out;
		}

		@Override
		public String toString() {
			return (this.start == this.end) ? String.valueOf(this.start) : this.start + "-" + this.end;
		}

		private Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("start", Map.of("row", this.start));
			out.put("end", Map.of("row", this.end));
			return out;
		}

	}

}
