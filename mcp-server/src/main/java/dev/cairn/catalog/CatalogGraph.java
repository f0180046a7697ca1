package dev.cairn.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The dependency graph over entity ids, built once per snapshot as compact adjacency
 * arrays. An edge A → B downstream means "A needs B": A dependsOn B, A consumesApi B, API
 * A is provided by component B, or component A has component B as a part. Upstream edges
 * are the same edges reversed, labelled with the reverse relation, so a walk upstream
 * answers "what breaks if B fails".
 */
final class CatalogGraph {

	enum Direction {

		DOWNSTREAM, UPSTREAM

	}

	private static final String[] DOWN_LABELS = { "dependsOn", "consumesApi", "apiProvidedBy", "hasPart" };

	private static final String[] UP_LABELS = { "dependencyOf", "apiConsumedBy", "providesApi", "partOf" };

	private final int[][] down;

	private final byte[][] downVia;

	private final int[][] up;

	private final byte[][] upVia;

	CatalogGraph(Catalog catalog) {
		int n = catalog.entities().size();
		int[] downCount = new int[n];
		int[] upCount = new int[n];
		forEachEdge(catalog, (from, to, label) -> {
			downCount[from]++;
			upCount[to]++;
		});
		this.down = new int[n][];
		this.downVia = new byte[n][];
		this.up = new int[n][];
		this.upVia = new byte[n][];
		for (int i = 0; i < n; i++) {
			this.down[i] = new int[downCount[i]];
			this.downVia[i] = new byte[downCount[i]];
			this.up[i] = new int[upCount[i]];
			this.upVia[i] = new byte[upCount[i]];
		}
		int[] downFill = new int[n];
		int[] upFill = new int[n];
		forEachEdge(catalog, (from, to, label) -> {
			this.down[from][downFill[from]] = to;
			this.downVia[from][downFill[from]++] = label;
			this.up[to][upFill[to]] = from;
			this.upVia[to][upFill[to]++] = label;
		});
	}

	private interface EdgeConsumer {

		void accept(int from, int to, byte label);

	}

	private static void forEachEdge(Catalog catalog, EdgeConsumer consumer) {
		List<Entity> entities = catalog.entities();
		for (int from = 0; from < entities.size(); from++) {
			Entity entity = entities.get(from);
			boolean component = "component".equals(entity.ref().kind());
			for (Relation relation : entity.relations()) {
				byte label = switch (relation.type()) {
					case "dependsOn" -> 0;
					case "consumesApi" -> 1;
					case "apiProvidedBy" -> 2;
					case "hasPart" -> (component && "component".equals(relation.target().kind())) ? (byte) 3 : -1;
					default -> -1;
				};
				if (label < 0) {
					continue;
				}
				int to = catalog.idOf(relation.target());
				if (to >= 0 && to != from) {
					consumer.accept(from, to, label);
				}
			}
		}
	}

	/**
	 * The result of a breadth-first walk: reached ids in order (start excluded), each
	 * with its depth, the id it was first reached from and the relation on that edge, so
	 * one shortest path per node can be rebuilt.
	 */
	static final class Walk {

		final int start;

		final Direction direction;

		final int[] order;

		final int reached;

		private final int[] depth;

		private final int[] parent;

		private final byte[] via;

		final boolean depthLimited;

		private Walk(int start, Direction direction, int[] order, int reached, int[] depth, int[] parent, byte[] via,
				boolean depthLimited) {
			this.start = start;
			this.direction = direction;
			this.order = order;
			this.reached = reached;
			this.depth = depth;
			this.parent = parent;
			this.via = via;
			this.depthLimited = depthLimited;
		}

		int depth(int id) {
			return this.depth[id];
		}

		int parent(int id) {
			return this.parent[id];
		}

		String via(int id) {
			byte label = this.via[id];
			return (this.direction == Direction.DOWNSTREAM) ? DOWN_LABELS[label] : UP_LABELS[label];
		}

		/** Ids from the start to {@code id}, both included. */
		int[] pathTo(int id) {
			int length = this.depth[id] + 1;
			int[] path = new int[length];
			int node = id;
			for (int i = length - 1; i >= 0; i--) {
				path[i] = node;
				node = this.parent[node];
			}
			return path;
		}

	}

	/**
	 * Walks breadth-first from {@code start}; each node is visited once, so cycles end
	 * the walk rather than loop it.
	 * @param maxDepth the largest depth to reach, at least 1
	 */
	Walk walk(int start, Direction direction, int maxDepth) {
		int n = this.down.length;
		int[][] adjacency = (direction == Direction.DOWNSTREAM) ? this.down : this.up;
		byte[][] labels = (direction == Direction.DOWNSTREAM) ? this.downVia : this.upVia;
		int[] depth = new int[n];
		Arrays.fill(depth, -1);
		int[] parent = new int[n];
		byte[] via = new byte[n];
		int[] queue = new int[n];
		int head = 0;
		int tail = 0;
		depth[start] = 0;
		parent[start] = -1;
		queue[tail++] = start;
		boolean limited = false;
		while (head < tail) {
			int node = queue[head++];
			int[] next = adjacency[node];
			if (depth[node] == maxDepth) {
				limited |= hasUnvisited(next, depth);
				continue;
			}
			byte[] nextVia = labels[node];
			for (int i = 0; i < next.length; i++) {
				int target = next[i];
				if (depth[target] < 0) {
					depth[target] = depth[node] + 1;
					parent[target] = node;
					via[target] = nextVia[i];
					queue[tail++] = target;
				}
			}
		}
		int[] order = Arrays.copyOfRange(queue, 1, tail);
		return new Walk(start, direction, order, order.length, depth, parent, via, limited);
	}

	private static boolean hasUnvisited(int[] next, int[] depth) {
		for (int target : next) {
			if (depth[target] < 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Direct neighbours of a node with their relation labels, for listing edges inside a
	 * walk.
	 */
	int[] neighbours(int node, Direction direction) {
		return (direction == Direction.DOWNSTREAM) ? this.down[node] : this.up[node];
	}

	/**
	 * The cycles among the given nodes (start included): each strongly connected
	 * component with more than one node, found with an iterative Tarjan walk over edges
	 * that stay inside the set.
	 */
	List<int[]> cycles(Walk walk) {
		int n = this.down.length;
		boolean[] inSet = new boolean[n];
		inSet[walk.start] = true;
		for (int i = 0; i < walk.reached; i++) {
			inSet[walk.order[i]] = true;
		}
		int[] index = new int[n];
		int[] low = new int[n];
		Arrays.fill(index, -1);
		boolean[] onStack = new boolean[n];
		Deque<Integer> stack = new ArrayDeque<>();
		List<int[]> components = new ArrayList<>();
		int[] counter = { 0 };
		int[] nodes = new int[walk.reached + 1];
		nodes[0] = walk.start;
		System.arraycopy(walk.order, 0, nodes, 1, walk.reached);
		for (int root : nodes) {
			if (index[root] < 0) {
				strongConnect(root, inSet, index, low, onStack, stack, components, counter);
			}
		}
		return components;
	}

	private void strongConnect(int root, boolean[] inSet, int[] index, int[] low, boolean[] onStack,
			Deque<Integer> stack, List<int[]> components, int[] counter) {
		Deque<int[]> frames = new ArrayDeque<>();
		frames.push(new int[] { root, 0 });
		index[root] = counter[0];
		low[root] = counter[0]++;
		stack.push(root);
		onStack[root] = true;
		while (!frames.isEmpty()) {
			int[] frame = frames.peek();
			int node = frame[0];
			int[] next = this.down[node];
			if (frame[1] < next.length) {
				int target = next[frame[1]++];
				if (!inSet[target]) {
					continue;
				}
				if (index[target] < 0) {
					index[target] = counter[0];
					low[target] = counter[0]++;
					stack.push(target);
					onStack[target] = true;
					frames.push(new int[] { target, 0 });
				}
				else if (onStack[target]) {
					low[node] = Math.min(low[node], index[target]);
				}
				continue;
			}
			frames.pop();
			if (!frames.isEmpty()) {
				int callerNode = frames.peek()[0];
				low[callerNode] = Math.min(low[callerNode], low[node]);
			}
			if (low[node] == index[node]) {
				List<Integer> members = new ArrayList<>();
				int member;
				do {
					member = stack.pop();
					onStack[member] = false;
					members.add(member);
				}
				while (member != node);
				if (members.size() > 1) {
					components.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
				}
			}
		}
	}

}
