package dev.cairn.rego.internal.eval;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.cairn.rego.value.ArrayValue;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.SetValue;
import dev.cairn.rego.value.Value;

/** Reachability in graphs written as objects from each node to its neighbours. */
final class GraphBuiltins {

	private GraphBuiltins() {
	}

	static void registerAll() {
		Functions.register("graph.reachable_paths", 2, (a) -> {
			ObjectValue graph = StringBuiltins.object(a[0], 1);
			if (!(a[1] instanceof ArrayValue || a[1] instanceof SetValue)) {
				throw Functions.typeError("operand 2 must be one of {set, array} but got " + a[1].typeName());
			}
			SetValue.Builder out = SetValue.builder();
			for (Value start : Functions.elements(a[1], 2, "graph.reachable_paths")) {
				if (graph.get(start) != null) {
					paths(graph, new java.util.ArrayList<>(java.util.List.of(start)), out);
				}
			}
			return out.build();
		});
		Functions.register("graph.reachable", 2, (a) -> {
			ObjectValue graph = StringBuiltins.object(a[0], 1);
			SetValue.Builder reached = SetValue.builder();
			Deque<Value> queue = new ArrayDeque<>(Functions.elements(a[1], 2, "graph.reachable"));
			while (!queue.isEmpty()) {
				Value node = queue.poll();
				Value edges = graph.get(node);
				if (edges == null || reached.contains(node)) {
					continue;
				}
				reached.add(node);
				if (edges instanceof ArrayValue || edges instanceof SetValue) {
					queue.addAll(Functions.elements(edges, 1, "graph.reachable"));
				}
			}
			return reached.build();
		});
	}

	/**
	 * Extends a path by every neighbour not already on it; a path that cannot grow is
	 * complete.
	 */
	private static void paths(ObjectValue graph, java.util.List<Value> path, SetValue.Builder out) {
		Value edges = graph.get(path.get(path.size() - 1));
		boolean extended = false;
		if (edges instanceof ArrayValue || edges instanceof SetValue) {
			for (Value next : Functions.elements(edges, 1, "graph.reachable_paths")) {
				if (graph.get(next) != null && !path.contains(next)) {
					path.add(next);
					paths(graph, path, out);
					path.remove(path.size() - 1);
					extended = true;
				}
			}
		}
		if (!extended) {
			out.add(ArrayValue.of(path));
		}
	}

}
