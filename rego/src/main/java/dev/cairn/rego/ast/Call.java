package dev.cairn.rego.ast;

import java.util.List;
import java.util.Objects;

import dev.cairn.rego.Location;

/**
 * A function call {@code f(a, b)}. Infix operators are calls too, of the builtin OPA
 * names after them: {@code plus minus mul div rem} ({@code + - * / %}), {@code and or}
 * ({@code & |}), {@code equal neq lt lte gt gte}, {@code eq} ({@code =}), {@code assign}
 * ({@code :=}), {@code internal.member_2} ({@code x in xs}) and {@code internal.member_3}
 * ({@code k, v in xs}).
 *
 * @param location where the call starts: the operator, or the left operand of an infix
 * operator
 * @param operator the function's ref
 * @param args the arguments in order
 */
public record Call(Location location, Ref operator, List<Term> args) implements Term {

	public Call {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(operator, "operator");
		args = List.copyOf(args);
	}

	/** The operator's dotted name, for example {@code plus} or {@code time.now_ns}. */
	public String name() {
		String name = this.operator.name();
		return (name != null) ? name : Printer.print(this.operator);
	}

	@Override
	public String typeName() {
		return "call";
	}

}
