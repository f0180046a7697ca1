package dev.cairn.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The six worker nodes of each environment's cluster. */
final class Nodes {

	static final int COUNT = 6;

	private Nodes() {
	}

	static List<String> of(String environment) {
		int subnet = "production".equals(environment) ? 20 : 30;
		List<String> nodes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			long seed = Seed.of(environment, "node", i);
			nodes.add("ip-10-" + subnet + "-" + (i % 3 + 1) + "-" + Seed.between(seed, 10, 250)
					+ ".eu-west-1.compute.internal");
		}
		return nodes;
	}

}
