package dev.cairn.goldenpath;

import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a field of a YAML document is, from SnakeYAML's node tree: the line a problem is
 * reported on.
 */
final class YamlLines {

	private final Node root;

	YamlLines(Node root) {
		this.root = root;
	}

	/**
	 * The 1-based line of the value at a path of keys and list indexes; of the nearest
	 * parent that exists when the path does not; {@code null} without a document.
	 */
	Integer lineOf(Object... path) {
		Node node = this.root;
		if (node == null) {
			return null;
		}
		for (Object step : path) {
			Node next = child(node, step);
			if (next == null) {
				break;
			}
			node = next;
		}
		return node.getStartMark().getLine() + 1;
	}

	private static Node child(Node node, Object step) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(String.valueOf(step))) {
					return tuple.getValueNode();
				}
			}
		}
		if (node instanceof SequenceNode sequence && step instanceof Integer index) {
			List<Node> items = sequence.getValue();
			return (index >= 0 && index < items.size()) ? items.get(index) : null;
		}
		return null;
	}

}
