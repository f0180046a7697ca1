package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of the rule tree: the rules whose static path ends here, and the child nodes by
 * name. Built once by {@link CompiledPolicy#compile} and read-only afterwards.
 */
public final class RuleNode {

	private final Map<String, RuleNode> children = new TreeMap<>();

	private final List<RuleEntry> rules = new ArrayList<>();

	private boolean isPackage;

	RuleNode() {
	}

	RuleNode descend(List<String> path) {
		RuleNode node = this;
		for (String name : path) {
			node = node.children.computeIfAbsent(name, (k) -> new RuleNode());
		}
		return node;
	}

	void add(RuleEntry entry) {
		this.rules.add(entry);
	}

	void addPackage() {
		this.isPackage = true;
	}

	/** The node at a path below this one, or {@code null}. */
	public RuleNode find(List<String> path) {
		RuleNode node = this;
		for (String name : path) {
			node = node.children.get(name);
			if (node == null) {
				return null;
			}
		}
		return node;
	}

	/** The child named {@code name}, or {@code null}. */
	public RuleNode child(String name) {
		return this.children.get(name);
	}

	/** Child nodes by name, sorted. */
	public Map<String, RuleNode> children() {
		return Collections.unmodifiableMap(this.children);
	}

	/** The rules ending at this node. */
	public List<RuleEntry> rules() {
		return Collections.unmodifiableList(this.rules);
	}

	/** Whether any rules end at this node. */
	public boolean hasRules() {
		return !this.rules.isEmpty();
	}

	/** Whether some module declares this node as its package. */
	public boolean isPackage() {
		return this.isPackage;
	}

}
