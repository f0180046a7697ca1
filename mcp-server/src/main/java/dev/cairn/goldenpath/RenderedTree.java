package dev.cairn.goldenpath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A skeleton rendered in memory: nothing is written until a step writes it. The same
 * template and parameters give the same tree, byte for byte.
 *
 * @param template the template's name
 * @param parameters the validated parameters, defaults filled in
 * @param values the derived {@code values.*}
 * @param files the files by path, sorted
 */
public record RenderedTree(String template, Map<String, Object> parameters, Map<String, String> values,
		SortedMap<String, RenderedFile> files) {

	public RenderedTree {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
	}

	/** The paths, sorted. */
	public List<String> paths() {
		return List.copyOf(this.files.keySet());
	}

	/** The file at a path, or {@code null}. */
	public RenderedFile file(String path) {
		return this.files.get(path);
	}

}
