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

	/** Anchors by first character (ASCII); for each, the rule it belongs to. */
	private final String[][] anchors = new String[128][];

	private final int[][] owners = new int[128][];

	/** Anchors that start outside ASCII, checked with {@code contains}. */
	private final List<String> otherAnchors = new ArrayList<>();

	private final List<Integer> otherOwners = new ArrayList<>();

	AnchorScan(List<SecretRule> rules) {
		this.rules = List.copyOf(rules);
		List<List<String>> byChar = new ArrayList<>();
		List<List<Integer>> ownersByChar = new ArrayList<>();
		for (int c = 0; c < 128; c++) {
			byChar.add(new ArrayList<>());
			ownersByChar.add(new ArrayList<>());
		}
		for (int i = 0; i < this.rules.size(); i++) {
			SecretRule rule = this.rules.get(i);
			if (rule.precheck() != null) {
				continue;
			}
			for (String anchor : rule.anchors()) {
				String lower = anchor.toLowerCase(Locale.ROOT);
				char first = lower.charAt(0);
				if (first < 128) {
					byChar.get(first).add(lower);
					ownersByChar.get(first).add(i);
				}
				else {
					this.otherAnchors.add(lower);
					this.otherOwners.add(i);
				}
			}
		}
		for (int c = 0; c < 128; c++) {
			if (!byChar.get(c).isEmpty()) {
				this.anchors[c] = byChar.get(c).toArray(String[]::new);
				this.owners[c] = ownersByChar.get(c).stream().mapToInt(Integer::intValue).toArray();
			}
		}
	}

	/**
	 * For each rule, in order, whether it may match: one of its anchors occurs in the
	 * lower-cased text, it has no anchors, or its own test passes.
	 */
	boolean[] candidates(String lowerCaseText) {
		boolean[] candidates = new boolean[this.rules.size()];
		for (int i = 0; i < candidates.length; i++) {
			SecretRule rule = this.rules.get(i);
			if (rule.precheck() != null) {
				candidates[i] = rule.precheck().test(lowerCaseText);
			}
			else if (rule.anchors().isEmpty()) {
				candidates[i] = true;
			}
		}
		int length = lowerCaseText.length();
		for (int at = 0; at < length; at++) {
			char c = lowerCaseText.charAt(at);
			if (c >= 128 || this.anchors[c] == null) {
				continue;
			}
			String[] starting = this.anchors[c];
			for (int k = 0; k < starting.length; k++) {
				if (!candidates[this.owners[c][k]] && lowerCaseText.startsWith(starting[k], at)) {
					candidates[this.owners[c][k]] = true;
				}
			}
		}
		for (int k = 0; k < this.otherAnchors.size(); k++) {
			if (lowerCaseText.contains(this.otherAnchors.get(k))) {
				candidates[this.otherOwners.get(k)] = true;
			}
		}
		return candidates;
	}

}
