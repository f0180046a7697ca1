package dev.cairn.rego.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.NumberValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/**
 * {@code json.patch}: RFC 6902 operations applied in order to a document, as OPA applies
 * them. A path is a JSON pointer (the leading {@code /} optional, {@code ~1} and
 * {@code ~0} unescaped) or an array of segments, which may be any values; a segment into
 * a set names the element itself. An operation that cannot apply (a missing parent, an
 * index out of range, a failed {@code test}) makes the call undefined; a malformed
 * operation is an error.
 */
final class JsonPatchBuiltins {

	private JsonPatchBuiltins() {
	}

	static void registerAll() {
		Functions.register("json.patch", 2, (a) -> {
			if (!(a[1] instanceof ArrayValue operations)) {
				throw Functions.typeError("operand 2 must be array but got " + a[1].typeName());
			}
			Value doc = a[0];
			for (Value operation : operations) {
				doc = apply(doc, operation);
				if (doc == null) {
					return null;
				}
			}
			return doc;
		});
	}

	private static Value apply(Value doc, Value operation) {
		if (!(operation instanceof ObjectValue op)) {
			throw Functions.builtinError("must be an array of JSON-Patch objects");
		}
		if (!(attribute(op, "op") instanceof StringValue name)) {
			throw Functions.builtinError("attribute 'op' must be a string");
		}
		List<Value> path = path(attribute(op, "path"), "path");
		return switch (name.value()) {
			case "add" -> add(doc, path, attribute(op, "value"));
			case "remove" -> {
				Value[] removed = remove(doc, path);
				yield (removed != null) ? removed[0] : null;
			}
			case "replace" -> {
				Value value = attribute(op, "value");
				Value[] removed = remove(doc, path);
				yield path.isEmpty() ? value : (removed != null) ? add(removed[0], path, value) : null;
			}
			case "move" -> {
				Value[] removed = remove(doc, path(attribute(op, "from"), "from"));
				yield (removed != null) ? add(removed[0], path, removed[1]) : null;
			}
			case "copy" -> {
				Value value = get(doc, path(attribute(op, "from"), "from"));
				yield (value != null) ? add(doc, path, value) : null;
			}
			case "test" -> {
				Value expected = attribute(op, "value");
				yield expected.equals(get(doc, path)) ? doc : null;
			}
			default -> throw Functions.builtinError("unrecognized op '" + name.value() + "'");
		};
	}

	private static Value attribute(ObjectValue op, String name) {
		Value v = op.get(name);
		if (v == null) {
			throw Functions.builtinError("missing '" + name + "' attribute");
		}
		return v;
	}

	private static List<Value> path(Value path, String attribute) {
		if (path instanceof ArrayValue segments) {
			return segments.elements();
		}
		if (!(path instanceof StringValue s)) {
			throw Functions.builtinError("attribute '" + attribute + "' must be a string or an array");
		}
		if (s.value().isEmpty()) {
			return List.of();
		}
		List<Value> out = new ArrayList<>();
		for (String part : s.value().replaceFirst("^/+", "").split("/", -1)) {
			out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
		}
		return out;
	}

	/** The value at a path, or {@code null} when there is none. */
	private static Value get(Value doc, List<Value> path) {
		Value v = doc;
		for (Value key : path) {
			v = child(v, key);
			if (v == null) {
				return null;
			}
		}
		return v;
	}

	private static Value child(Value parent, Value key) {
		if (parent instanceof ObjectValue o) {
			return o.get(key);
		}
		if (parent instanceof ArrayValue a) {
			int i = index(key, a.size(), false);
			return (i >= 0 && i < a.size()) ? a.get(i) : null;
		}
		if (parent instanceof SetValue s) {
			return s.contains(key) ? key : null;
		}
		return null;
	}

	private static Value add(Value doc, List<Value> path, Value value) {
		if (path.isEmpty()) {
			return value;
		}
		return atParent(doc, path, 0, (parent, key) -> {
			if (parent instanceof ObjectValue o) {
				return o.put(key, value);
			}
			if (parent instanceof ArrayValue a) {
				int i = index(key, a.size(), true);
				if (i < 0 || i > a.size()) {
					return null;
				}
				List<Value> elements = new ArrayList<>(a.elements());
				elements.add(i, value);
				return ArrayValue.of(elements);
			}
			if (parent instanceof SetValue s) {
				return key.equals(value) ? s.add(value) : null;
			}
			return null;
		});
	}

	/** The document without the value at a path, and that value; {@code null} if none. */
	private static Value[] remove(Value doc, List<Value> path) {
		Value removed = path.isEmpty() ? null : get(doc, path);
		if (removed == null) {
			return null;
		}
		Value rest = atParent(doc, path, 0, (parent, key) -> {
			if (parent instanceof ObjectValue o) {
				return o.remove(key);
			}
			if (parent instanceof ArrayValue a) {
				int i = index(key, a.size(), false);
				return a.slice(0, i).concat(a.slice(i + 1, a.size()));
			}
			return ((SetValue) parent).difference(SetValue.of(key));
		});
		return new Value[] { rest, removed };
	}

	/**
	 * Rebuilds {@code doc} with the parent of the path's last segment replaced by what
	 * {@code change} makes of it; {@code null} when a segment is missing or the change
	 * fails.
	 */
	private static Value atParent(Value doc, List<Value> path, int at, BiFunction<Value, Value, Value> change) {
		if (at == path.size() - 1) {
			return change.apply(doc, path.get(at));
		}
		Value key = path.get(at);
		Value child = child(doc, key);
		Value changed = (child != null) ? atParent(child, path, at + 1, change) : null;
		if (changed == null) {
			return null;
		}
		if (doc instanceof ObjectValue o) {
			return o.put(key, changed);
		}
		if (doc instanceof ArrayValue a) {
			int i = index(key, a.size(), false);
			return a.slice(0, i).append(changed).concat(a.slice(i + 1, a.size()));
		}
		return ((SetValue) doc).difference(SetValue.of(key)).add(changed);
	}

	/**
	 * An array index: a number, or a string of digits without leading zeros, or {@code -}
	 * (the end) when adding; -1 otherwise.
	 */
	private static int index(Value key, int size, boolean dashAllowed) {
		if (key instanceof NumberValue n) {
			return (n.isInteger() && n.fitsInt()) ? n.asInt() : -1;
		}
		if (!(key instanceof StringValue s)) {
			return -1;
		}
		if (dashAllowed && "-".equals(s.value())) {
			return size;
		}
		if (!s.value().matches("0|[1-9][0-9]{0,8}")) {
			return -1;
		}
		return Integer.parseInt(s.value());
	}

}
