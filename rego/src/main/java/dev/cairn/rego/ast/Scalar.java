package dev.cairn.rego.ast;

/** A literal scalar, kept as written in the source. */
public sealed interface Scalar extends Term permits NullTerm, BooleanTerm, NumberTerm, StringTerm {

}
