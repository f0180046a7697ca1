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

}
