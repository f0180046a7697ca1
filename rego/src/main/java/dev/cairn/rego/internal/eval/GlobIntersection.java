package dev.cairn.rego.internal.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.cairn.rego.value.BoolValue;

import static dev.cairn.rego.internal.eval.Functions.string;

/**
 * {@code regex.globs_match}: whether some non-empty string matches both of two patterns
 * in the small regex dialect OPA's glob-intersection library reads, anchored at both
 * ends: {@code .} for any character, {@code [a-z0-9]} classes, {@code *} and {@code +}
 * after an element, and {@code \} escaping the next character. The two patterns are
 * walked together as automata, so the answer takes time proportional to the product of
 * their lengths.
 */
final class GlobIntersection {

	private GlobIntersection() {
	}

	static void registerAll() {
		Functions.register("regex.globs_match", 2,
				(a) -> BoolValue.of(intersects(parse(string(a[0], 1)), parse(string(a[1], 2)))));
	}

	/**
	 * One element: the characters it matches (inclusive ranges, or any), and whether it
	 * repeats.
	 */
	record Element(List<int[]> ranges, boolean any, boolean star) {

		boolean overlaps(Element other) {
			if (this.any || other.any) {
				return (this.any || !this.ranges.isEmpty()) && (other.any || !other.ranges.isEmpty());
			}
			for (int[] r : this.ranges) {
				for (int[] s : other.ranges) {
					if (r[0] <= s[1] && s[0] <= r[1]) {
						return true;
					}
				}
			}
			return false;
		}

		Element repeated() {
			return new Element(this.ranges, this.any, true);
		}

	}

	/** The elements of a pattern, {@code x+} written as {@code xx*}. */
	static List<Element> parse(String glob) {
		int[] cps = glob.codePoints().toArray();
		List<Element> out = new ArrayList<>();
		boolean repeatable = false;
		for (int i = 0; i < cps.length; i++) {
			int c = cps[i];
			switch (c) {
				case '.' -> out.add(new Element(List.of(), true, false));
				case '\\' -> {
					if (++i >= cps.length) {
						throw invalid(glob, i, "escape '\\' with no following character");
					}
					out.add(single(cps[i]));
				}
				case '[' -> i = set(glob, cps, i, out);
				case ']' -> throw invalid(glob, i + 1, "set-close ']' with no preceding '['");
				case '*', '+' -> {
					if (!repeatable) {
						throw invalid(glob, i + 1, "flag '" + (char) c + "' with no preceding character");
					}
					Element last = out.remove(out.size() - 1);
					if (c == '+') {
						out.add(last);
					}
					out.add(last.repeated());
					repeatable = false;
					continue;
				}
				default -> out.add(single(c));
			}
			repeatable = true;
		}
		return out;
	}

	/** Reads a class from {@code [} on; returns the index of its {@code ]}. */
	private static int set(String glob, int[] cps, int open, List<Element> out) {
		List<int[]> ranges = new ArrayList<>();
		int i = open + 1;
		while (i < cps.length && cps[i] != ']') {
			int lo = cps[i];
			if (lo == '\\' && i + 1 < cps.length) {
				lo = cps[++i];
			}
			int hi = lo;
			if (i + 2 < cps.length && cps[i + 1] == '-' && cps[i + 2] != ']') {
				i += 2;
				hi = (cps[i] == '\\' && i + 1 < cps.length) ? cps[++i] : cps[i];
				if (hi < lo) {
					throw invalid(glob, i + 1,
							"range '" + Character.toString(lo) + "-" + Character.toString(hi) + "' is out of order");
				}
			}
			ranges.add(new int[] { lo, hi });
			i++;
		}
		if (i >= cps.length) {
			throw invalid(glob, open + 1, "set-open '[' with no closing ']'");
		}
		out.add(new Element(ranges, false, false));
		return i;
	}

	private static Element single(int c) {
		return new Element(List.of(new int[] { c, c }), false, false);
	}

	/**
	 * Whether a non-empty string matches both: a search over pairs of positions, each
	 * step reading one character both current elements accept.
	 */
	static boolean intersects(List<Element> a, List<Element> b) {
		int width = b.size() + 1;
		boolean[] seen = new boolean[(a.size() + 1) * width * 2];
		Deque<int[]> todo = new ArrayDeque<>();
		todo.add(new int[] { 0, 0, 0 });
		while (!todo.isEmpty()) {
			int[] s = todo.poll();
			int i = s[0];
			int j = s[1];
			int read = s[2];
			int key = (i * width + j) * 2 + read;
			if (seen[key]) {
				continue;
			}
			seen[key] = true;
			if (i == a.size() && j == b.size() && read == 1) {
				return true;
			}
			// A repeated element may also match nothing.
			if (i < a.size() && a.get(i).star()) {
				todo.add(new int[] { i + 1, j, read });
			}
			if (j < b.size() && b.get(j).star()) {
				todo.add(new int[] { i, j + 1, read });
			}
			if (i < a.size() && j < b.size() && a.get(i).overlaps(b.get(j))) {
				todo.add(new int[] { a.get(i).star() ? i : i + 1, b.get(j).star() ? j : j + 1, 1 });
			}
		}
		return false;
	}

	private static RuntimeException invalid(String glob, int pos, String what) {
		return Functions
			.builtinError("input:" + glob + ", pos:" + pos + ", " + what + ": the input provided is invalid");
	}

}
