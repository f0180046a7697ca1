package dev.cairn.rego.ast;

import dev.cairn.rego.Location;

/** Anything in the tree that has a position in the source. */
public interface Node {

	/** Where the node starts. */
	Location location();

}
