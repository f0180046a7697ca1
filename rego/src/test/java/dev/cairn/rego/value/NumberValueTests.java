package dev.cairn.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberValueTests {

	@ParameterizedTest
	@CsvSource({ "1, 1.0", "1, 1e0", "1, 10e-1", "100, 1E2", "0, -0", "0, 0.000", "0.5, .5", "-0.5, -.5", "1.5, 1.50",
			"123456789012345678901234567890, 1.2345678901234567890123456789e29",
			"9223372036854775807, 9223372036854775807.0", "1e400, 10e399" })
	void equalAcrossRepresentations(String a, String b) {
		NumberValue x = NumberValue.parse(a);
		NumberValue y = NumberValue.parse(b);
		assertThat(x).isEqualTo(y);
		assertThat(x.hashCode()).isEqualTo(y.hashCode());
		assertThat(x.compareTo(y)).isZero();
	}

	@Test
	void equalAcrossConstructors() {
		assertThat(NumberValue.of(3)).isEqualTo(NumberValue.of(new BigDecimal("3.000")))
			.isEqualTo(NumberValue.of(BigInteger.valueOf(3)))
			.isEqualTo(NumberValue.of(3.0))
			.isEqualTo(NumberValue.parse("3"));
		assertThat(NumberValue.of(0.1)).isEqualTo(NumberValue.parse("0.1"));
		assertThat(NumberValue.of(new BigDecimal("1e30")).hashCode())
			.isEqualTo(NumberValue.of(BigInteger.TEN.pow(30)).hashCode());
	}

	@Test
	void keepsParsedTextForPrinting() {
		assertThat(NumberValue.parse("1.0")).hasToString("1.0");
		assertThat(NumberValue.parse("1e400")).hasToString("1e400");
		assertThat(NumberValue.parse("2.5E-3")).hasToString("2.5E-3");
		assertThat(NumberValue.parse("-0")).hasToString("-0");
		assertThat(NumberValue.parse(".5")).hasToString(".5");
		assertThat(NumberValue.parse("42")).hasToString("42");
		assertThat(NumberValue.of(new BigDecimal("1.50"))).hasToString("1.5");
		assertThat(NumberValue.of(BigInteger.TWO.pow(70))).hasToString("1180591620717411303424");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-", "+1", "1.", ".", "e5", "1e", "1e+", "0x10", "NaN", "Infinity", "1 ", " 1",
			"1_000", "--1", "1.2.3", "1e5.5", "1e99999999999" })
	void rejectsWhatIsNotANumber(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> NumberValue.parse(text));
	}

	@Test
	void rejectsNonFiniteDoubles() {
		assertThatIllegalArgumentException().isThrownBy(() -> NumberValue.of(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> NumberValue.of(Double.POSITIVE_INFINITY));
	}

	@Test
	void convertsIntegersAndFailsClearlyOnOthers() {
		assertThat(NumberValue.parse("2.0").isInteger()).isTrue();
		assertThat(NumberValue.parse("1e3").asLong()).isEqualTo(1000);
		assertThat(NumberValue.parse("1e3").asInt()).isEqualTo(1000);
		assertThat(NumberValue.parse("1e30").isInteger()).isTrue();
		assertThat(NumberValue.parse("1e30").fitsLong()).isFalse();
		assertThat(NumberValue.parse("1e30").asBigInteger()).isEqualTo(BigInteger.TEN.pow(30));
		assertThat(NumberValue.parse("1.5").isInteger()).isFalse();
		assertThat(NumberValue.parse("-9223372036854775808").asLong()).isEqualTo(Long.MIN_VALUE);
		assertThat(NumberValue.parse("9223372036854775808").fitsLong()).isFalse();
		assertThat(NumberValue.of(1L << 40).fitsInt()).isFalse();
		assertThatThrownBy(() -> NumberValue.parse("1.5").asLong()).isInstanceOf(RegoException.class)
			.hasMessage("eval_type_error: number 1.5 is not an integer");
		assertThatThrownBy(() -> NumberValue.parse("1e30").asLong())
			.hasMessage("eval_type_error: integer 1e30 does not fit in 64 bits");
		assertThatThrownBy(() -> NumberValue.of(1L << 40).asInt())
			.hasMessage("eval_type_error: integer 1099511627776 does not fit in 32 bits");
		assertThatThrownBy(() -> NumberValue.parse("0.5").asBigInteger())
			.hasMessage("eval_type_error: number 0.5 is not an integer");
	}

	@Test
	void convertsToDecimalAndDouble() {
		assertThat(NumberValue.parse("0.1").toBigDecimal()).isEqualByComparingTo("0.1");
		assertThat(NumberValue.of(7).toBigDecimal()).isEqualByComparingTo("7");
		assertThat(NumberValue.parse("0.1").toDouble()).isEqualTo(0.1);
		assertThat(NumberValue.parse("-3").signum()).isEqualTo(-1);
		assertThat(NumberValue.parse("1e-400").signum()).isEqualTo(1);
	}

	@Test
	void integerArithmeticIsExact() {
		assertThat(n("18446744073709551617").add(n("1"))).hasToString("18446744073709551618");
		assertThat(n("18446744073709551617").subtract(n("1"))).hasToString("18446744073709551616");
		assertThat(n("18446744073709551617").multiply(n("2"))).hasToString("36893488147419103234");
		assertThat(n("123456789012345678901234567890").add(n("1"))).hasToString("123456789012345678901234567891");
		assertThat(n("-18446744073709551617").subtract(n("1"))).hasToString("-18446744073709551618");
		assertThat(n("9223372036854775807").add(n("1"))).hasToString("9223372036854775808");
		assertThat(n("-9223372036854775808").subtract(n("1"))).hasToString("-9223372036854775809");
		assertThat(n("4294967296").multiply(n("4294967296"))).hasToString("18446744073709551616");
		assertThat(n("-9223372036854775808").multiply(n("-1"))).hasToString("9223372036854775808");
		assertThat(n("1e3").add(n("1"))).hasToString("1001");
		assertThat(n("2").add(n("3"))).isSameAs(NumberValue.of(5));
	}

	@Test
	void arithmeticResultsDropTheOperandsText() {
		assertThat(n("1.0").add(n("1"))).hasToString("2");
		assertThat(n("4.0").floor()).hasToString("4");
		assertThat(n("-0").abs()).hasToString("0");
	}

	@Test
	void nonIntegerArithmeticIsOpasFloatingPoint() {
		assertThat(n("0.1").add(n("0.2"))).hasToString("0.3");
		assertThat(n("0.3").subtract(n("0.1"))).hasToString("0.20000000000000000002");
		assertThat(n("1.5").add(n("2.5"))).hasToString("4");
		assertThat(n("1").add(n("2.5"))).hasToString("3.5");
		assertThat(n("2.5").multiply(n("2"))).hasToString("5");
		assertThat(n("0.00001").multiply(n("1"))).hasToString("1e-05");
		assertThat(n("1000000.5").add(n("1"))).hasToString("1.0000015e+06");
	}

	@Test
	void dividesAsOpa() {
		assertThat(n("7").divide(n("2"))).hasToString("3.5");
		assertThat(n("6").divide(n("3"))).hasToString("2");
		assertThat(n("1").divide(n("3"))).hasToString("0.33333333333333333334");
		assertThat(n("0").divide(n("-1"))).hasToString("-0").isEqualTo(NumberValue.ZERO);
		assertThat(n("0").divide(n("5"))).hasToString("0");
		assertThat(n("-9223372036854775808").divide(n("-1"))).hasToString("9223372036854775808");
		// No exact path for big integers: the quotient is a 64-bit float, as in OPA.
		assertThat(n("18446744073709551617").divide(n("1"))).hasToString("18446744073709551616");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "-0", "0e10" })
	void refusesToDivideByZero(String zero) {
		assertThatThrownBy(() -> n("1").divide(n(zero)))
			.isInstanceOfSatisfying(RegoException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.EVAL_BUILTIN_ERROR))
			.hasMessage("eval_builtin_error: divide by zero");
	}

	@Test
	void takesRemaindersOfIntegersOnly() {
		assertThat(n("7").remainder(n("4"))).hasToString("3");
		assertThat(n("-7").remainder(n("4"))).hasToString("-3");
		assertThat(n("7").remainder(n("-4"))).hasToString("3");
		assertThat(n("4.0").remainder(n("3"))).hasToString("1");
		assertThat(n("-9223372036854775808").remainder(n("-1"))).hasToString("0");
		assertThat(n("10").remainder(n("18446744073709551616"))).hasToString("10");
		assertThat(n("1e400").remainder(n("7"))).hasToString("4");
		assertThatThrownBy(() -> n("7").remainder(n("0"))).hasMessage("eval_builtin_error: modulo by zero");
		assertThatThrownBy(() -> n("7").remainder(n("0.0"))).hasMessage("eval_builtin_error: modulo by zero");
		assertThatThrownBy(() -> n("7.5").remainder(n("2")))
			.hasMessage("eval_builtin_error: modulo on floating-point number");
		assertThatThrownBy(() -> n("7.5").remainder(n("0")))
			.hasMessage("eval_builtin_error: modulo on floating-point number");
		assertThatThrownBy(() -> n("7").remainder(n("0.5")))
			.hasMessage("eval_builtin_error: modulo on floating-point number");
	}

	@Test
	void roundsToIntegers() {
		assertThat(n("1.01").floor()).hasToString("1");
		assertThat(n("99.99999").floor()).hasToString("99");
		assertThat(n("-1.001").floor()).hasToString("-2");
		assertThat(n("-0.5").floor()).hasToString("-1");
		assertThat(n("1.01").ceil()).hasToString("2");
		assertThat(n("-1.5").ceil()).hasToString("-1");
		assertThat(n("-0.5").ceil()).hasToString("0");
		assertThat(n("2222.2222222222").ceil()).hasToString("2223");
		assertThat(n("2.5").round()).hasToString("3");
		assertThat(n("-2.5").round()).hasToString("-3");
		assertThat(n("2.4").round()).hasToString("2");
		assertThat(n("-10").abs()).hasToString("10");
		assertThat(n("-9223372036854775808").abs()).hasToString("9223372036854775808");
		assertThat(n("-1.5").abs()).hasToString("1.5");
		assertThat(n("7").floor()).isSameAs(NumberValue.of(7));
	}

	@Test
	void refusesArithmeticOnAbsurdExponents() {
		assertThatThrownBy(() -> n("1e1000000").add(n("1"))).isInstanceOf(RegoException.class)
			.hasMessageStartingWith("eval_builtin_error: number too large or too small");
		assertThatThrownBy(() -> n("1e-1000000").multiply(n("0.5"))).isInstanceOf(RegoException.class);
		assertThat(n("1e1000000").compareTo(n("1e999999"))).isPositive();
	}

	@Test
	void ordersByValue() {
		assertThat(n("-1e400")).isLessThan(n("-9223372036854775808"));
		assertThat(n("0.1")).isLessThan(n("0.10000000000000000001"));
		assertThat(n("1")).isLessThan(n("1.0000000000000000000000000001"));
		assertThat(n("123456789123456789122.5")).isLessThan(n("123456789123456789123.5"));
		assertThat(n("100000")).isGreaterThan(n("100"));
		assertThat(n("1e-400")).isGreaterThan(n("0"));
	}

	private static NumberValue n(String text) {
		return NumberValue.parse(text);
	}

}
