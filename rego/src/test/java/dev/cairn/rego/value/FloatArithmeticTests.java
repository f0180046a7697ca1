package dev.cairn.rego.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks floating-point arithmetic, digit for digit, against results that Go's
 * {@code big.Float} produced (see {@code float-cases.txt}).
 */
class FloatArithmeticTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void matchesGoBigFloat(String operation, String expected) {
		String[] parts = operation.split(" ");
		NumberValue x = NumberValue.parse(parts[1]);
		NumberValue result = switch (parts[0]) {
			case "+" -> x.add(NumberValue.parse(parts[2]));
			case "-" -> x.subtract(NumberValue.parse(parts[2]));
			case "*" -> x.multiply(NumberValue.parse(parts[2]));
			case "/" -> x.divide(NumberValue.parse(parts[2]));
			case "abs" -> x.abs();
			case "round" -> x.round();
			default -> throw new IllegalArgumentException(parts[0]);
		};
		assertThat(result.toString()).isEqualTo(expected);
		assertThat(result).isEqualTo(NumberValue.parse(expected));
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		try (InputStream in = FloatArithmeticTests.class.getResourceAsStream("float-cases.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					int equals = line.indexOf(" = ");
					cases.add(Arguments.of(line.substring(0, equals), line.substring(equals + 3)));
				}
			}
		}
		return cases.stream();
	}

}
