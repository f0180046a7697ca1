package dev.cairn.rego.ast;

/**
 * A Rego term: a scalar, a variable, a reference, a collection, a comprehension, a call,
 * or a template string. A term is also an expression form: a literal that is a single
 * term (or a call) is true when the term is defined and not {@code false}.
 */
public sealed interface Term extends Node, Expr.Form permits Scalar, Var, Ref, ArrayTerm, ObjectTerm, SetTerm,
		ArrayComprehension, SetComprehension, ObjectComprehension, Call, TemplateString {

	/** The kind of term as OPA names it in messages: {@code var}, {@code ref}, ... */
	String typeName();

	/**
	 * Whether the term contains no variables. As in OPA, a ref's head does not count
	 * ({@code p["a"]} is ground), and comprehensions and template strings are never
	 * ground.
	 */
	default boolean isGround() {
		if (this instanceof Scalar) {
			return true;
		}
		if (this instanceof Ref r) {
			return r.terms().stream().skip(1).allMatch(Term::isGround);
		}
		if (this instanceof ArrayTerm a) {
			return a.elements().stream().allMatch(Term::isGround);
		}
		if (this instanceof SetTerm s) {
			return s.elements().stream().allMatch(Term::isGround);
		}
		if (this instanceof ObjectTerm o) {
			return o.entries().stream().allMatch((e) -> e.key().isGround() && e.value().isGround());
		}
		if (this instanceof Call c) {
			return c.operator().isGround() && c.args().stream().allMatch(Term::isGround);
		}
		return false;
	}

}
