package dev.cairn.rego.internal.eval;

import java.util.List;

import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.StringValue;
import dev.cairn.rego.value.Value;

/** Replaces the value at a path of a document, creating objects on the way. */
final class Patch {

	private Patch() {
	}

	static Value set(Value base, List<String> path, Value value) {
		return set(base, path, 0, value);
	}

	private static Value set(Value base, List<String> path, int i, Value value) {
		if (i == path.size()) {
			return value;
		}
		ObjectValue object = (base instanceof ObjectValue o) ? o : ObjectValue.EMPTY;
		StringValue key = StringValue.of(path.get(i));
		return object.put(key, set(object.get(key), path, i + 1, value));
	}

}
