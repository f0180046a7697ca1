package dev.cairn.rego.internal.compile;

import java.util.List;

import dev.cairn.rego.ast.Module;
import dev.cairn.rego.value.ObjectValue;

/**
 * Modules and base data, compiled once and shared by all evaluations.
 *
 * @param modules the modules
 * @param data the base document
 */
public record CompiledPolicy(List<Module> modules, ObjectValue data) {

	public CompiledPolicy {
		modules = List.copyOf(modules);
	}

	/** Compiles modules against data. */
	public static CompiledPolicy compile(List<Module> modules, ObjectValue data) {
		return new CompiledPolicy(modules, data);
	}

}
