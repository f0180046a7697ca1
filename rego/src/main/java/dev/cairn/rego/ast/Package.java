package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * {@code package a.b}.
 *
 * @param location the {@code package} keyword
 * @param path the full path, {@code data} first: {@code [data, "a", "b"]}
 * @param annotations the package- and subpackages-scoped annotations written right before
 * it
 */
public record Package(Location location, Ref path, List<Annotation> annotations) implements Node {

	public Package {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(path, "path");
		annotations = List.copyOf(annotations);
	}

}
