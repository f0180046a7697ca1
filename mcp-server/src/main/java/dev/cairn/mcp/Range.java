package dev.cairn.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inclusive bounds of a numeric tool argument, published in the input schema as
 * {@code minimum} and {@code maximum} and enforced by {@link ToolArguments} before the
 * tool runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
public @interface Range {

	long min();

	long max();

}
