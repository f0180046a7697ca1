package dev.cairn.rego.internal.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code json.remove} and {@code json.filter}: paths are {@code a/b/0} strings or arrays
 * of segments, and are gathered into a tree first so that several paths into one array
 * refer to its original indexes.
 */
final class JsonPathBuiltins {

	private JsonPathBuiltins() {
	}

	static void registerAll() {
		Functions.register("json.remove", 2, (a) -> remove(object(a[0], "json.remove"), tree(a[1], "json.remove")));
		Functions.register("json.filter", 2, (a) -> {
			Node tree = tree(a[1], "json.filter");
			Value kept = filter(object(a[0], "json.filter"), tree);
			return (kept != null) ? kept : ObjectValue.EMPTY;
		});
	}

	/** The paths as a tree; a leaf stands for everything below it. */
	private static final class Node {

		final Map<String, Node> children = new LinkedHashMap<>();

		boolean leaf;

	}

	private static ObjectValue object(Value v, String fn) {
		if (v instanceof ObjectValue o) {
			return o;
		}
		throw Functions.typeError("operand 1 must be object but got " + v.typeName());
	}

	private static Node tree(Value paths, String fn) {
		if (!(paths instanceof ArrayValue || paths instanceof SetValue)) {
			throw Functions.typeError("operand 2 must be one of {set, array} but got " + paths.typeName());
		}
		Node root = new Node();
		for (Value path : Functions.elements(paths, 2, fn)) {
			Node node = root;
			for (String segment : segments(path)) {
				node = node.children.computeIfAbsent(segment, (k) -> new Node());
			}
			node.leaf = true;
		}
		return root;
	}

	private static List<String> segments(Value path) {
		if (path instanceof StringValue s) {
			String text = s.value().startsWith("/") ? s.value().substring(1) : s.value();
			return text.isEmpty() ? List.of() : List.of(text.split("/", -1));
		}
		if (path instanceof ArrayValue a) {
			return a.elements().stream().map((v) -> (v instanceof StringValue s) ? s.value() : v.toString()).toList();
		}
		throw Functions.typeError("operand 2 must be one of {set, array} containing string paths or array of path "
				+ "segments but got " + path.typeName());
	}

	private static Value remove(Value v, Node node) {
		if (v instanceof ObjectValue o) {
			ObjectValue.Builder out = ObjectValue.builder();
			for (int i = 0; i < o.size(); i++) {
				Node child = node.children.get(key(o.key(i)));
				if (child == null) {
					out.put(o.key(i), o.value(i));
				}
				else if (!child.leaf) {
					out.put(o.key(i), remove(o.value(i), child));
				}
			}
			return out.build();
		}
		if (v instanceof ArrayValue a) {
			ArrayValue.Builder out = ArrayValue.builder();
			for (int i = 0; i < a.size(); i++) {
				Node child = node.children.get(String.valueOf(i));
				if (child == null) {
					out.add(a.get(i));
				}
				else if (!child.leaf) {
					out.add(remove(a.get(i), child));
				}
			}
			return out.build();
		}
		return v;
	}

	/** What the paths select of {@code v}, or {@code null} when they select nothing. */
	private static Value filter(Value v, Node node) {
		if (node.leaf) {
			return v;
		}
		if (v instanceof ObjectValue o) {
			ObjectValue.Builder out = ObjectValue.builder();
			for (int i = 0; i < o.size(); i++) {
				Node child = node.children.get(key(o.key(i)));
				Value kept = (child != null) ? filter(o.value(i), child) : null;
				if (kept != null) {
					out.put(o.key(i), kept);
				}
			}
			return out.build();
		}
		if (v instanceof ArrayValue a) {
			ArrayValue.Builder out = ArrayValue.builder();
			for (int i = 0; i < a.size(); i++) {
				Node child = node.children.get(String.valueOf(i));
				Value kept = (child != null) ? filter(a.get(i), child) : null;
				if (kept != null) {
					out.add(kept);
				}
			}
			return out.build();
		}
		return null;
	}

	private static String key(Value k) {
		return (k instanceof StringValue s) ? s.value() : (k instanceof NumberValue n) ? n.toString() : k.toString();
	}

}
