package dev.cairn.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which rules may match a text, found in one pass over it: every rule's anchors sit in
 * one table keyed by their first character, so each position of the text is compared only
 * with the anchors that start with its character. Text with no anchor at all, most of
 * what a tool returns, costs one read of each character.
 */
final class AnchorScan {

	private final List<SecretRule> rules;

	/**
	 * Anchors by their first two characters (ASCII); for each, the rule it belongs to.
	 */
	private final String[][] anchors = new String[128 * 128][];

	private final int[][] owners = new int[128 * 128][];

	/**
	 * Anchors shorter than two characters or not starting in ASCII, checked with
	 * {@code contains}.
	 */
	private final List<String> otherAnchors = new ArrayList<>();

	private final List<Integer> otherOwners = new ArrayList<>();

	AnchorScan(List<SecretRule> rules) {
		this.rules = List.copyOf(rules);
		List<List<String>> byPair = new ArrayList<>();
		List<List<Integer>> ownersByPair = new ArrayList<>();
		for (int c = 0; c < 128 * 128; c++) {
			byPair.add(null);
			ownersByPair.add(null);
		}
		for (int i = 0; i < this.rules.size(); i++) {
			SecretRule rule = this.rules.get(i);
			for (String anchor : rule.anchors()) {
				String lower = anchor.toLowerCase(Locale.ROOT);
				if (lower.length() >= 2 && lower.charAt(0) < 128 && lower.charAt(1) < 128) {
					int pair = lower.charAt(0) * 128 + lower.charAt(1);
					if (byPair.get(pair) == null) {
						byPair.set(pair, new ArrayList<>());
						ownersByPair.set(pair, new ArrayList<>());
					}
					byPair.get(pair).add(lower);
					ownersByPair.get(pair).add(i);
				}
				else {
					this.otherAnchors.add(lower);
					this.otherOwners.add(i);
				}
			}
		}
		for (int pair = 0; pair < 128 * 128; pair++) {
			if (byPair.get(pair) != null) {
				this.anchors[pair] = byPair.get(pair).toArray(String[]::new);
				this.owners[pair] = ownersByPair.get(pair).stream().mapToInt(Integer::intValue).toArray();
			}
		}
	}

	/**
	 * For each rule, in order, whether it may match: one of its anchors occurs in the
	 * lower-cased text (or it has none), and its own test, if any, passes.
	 */
	boolean[] candidates(String lowerCaseText) {
		boolean[] candidates = new boolean[this.rules.size()];
		int length = lowerCaseText.length();
		for (int at = 0; at + 1 < length; at++) {
			char first = lowerCaseText.charAt(at);
			char second = lowerCaseText.charAt(at + 1);
			if (first >= 128 || second >= 128) {
				continue;
			}
			int pair = first * 128 + second;
			String[] starting = this.anchors[pair];
			if (starting == null) {
				continue;
			}
			int[] owner = this.owners[pair];
			for (int k = 0; k < starting.length; k++) {
				if (!candidates[owner[k]] && lowerCaseText.startsWith(starting[k], at)) {
					candidates[owner[k]] = true;
				}
			}
		}
		for (int k = 0; k < this.otherAnchors.size(); k++) {
			if (lowerCaseText.contains(this.otherAnchors.get(k))) {
				candidates[this.otherOwners.get(k)] = true;
			}
		}
		for (int i = 0; i < candidates.length; i++) {
			SecretRule rule = this.rules.get(i);
			if (rule.anchors().isEmpty()) {
				candidates[i] = rule.precheck() == null || rule.precheck().test(lowerCaseText);
			}
			else if (candidates[i] && rule.precheck() != null) {
				candidates[i] = rule.precheck().test(lowerCaseText);
			}
		}
		return candidates;
	}

}
