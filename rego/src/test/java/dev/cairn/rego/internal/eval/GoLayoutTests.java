package dev.cairn.rego.internal.eval;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.cairn.rego.RegoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoLayoutTests {

	/** Tuesday 2009-11-10 23:04:05.120 UTC, day 314 of the year. */
	private static final ZonedDateTime T = ZonedDateTime.of(2009, 11, 10, 23, 4, 5, 120_000_000, ZoneOffset.UTC);

	@Test
	void formatsTheReferenceElements() {
		assertThat(GoLayout.format(T, "Mon Jan _2 15:04:05 2006")).isEqualTo("Tue Nov 10 23:04:05 2009");
		assertThat(GoLayout.format(T, "Monday, January 2, '06")).isEqualTo("Tuesday, November 10, '09");
		assertThat(GoLayout.format(T, "1/2 3:4:5 PM pm")).isEqualTo("11/10 11:4:5 PM pm");
		assertThat(GoLayout.format(T, "03 __2 002")).isEqualTo("11 314 314");
		assertThat(GoLayout.format(T.withDayOfYear(5), "_2 __2 002")).isEqualTo(" 5   5 005");
		assertThat(GoLayout.format(T.withHour(0), "3PM 03pm")).isEqualTo("12AM 12am");
	}

	@Test
	void wordsThatContinueInLowerCaseAreText() {
		assertThat(GoLayout.format(T, "Janet Monet Jan")).isEqualTo("Janet Monet Nov");
	}

	@Test
	void fractionsKeepOrTrimDigits() {
		assertThat(GoLayout.format(T, "05.000")).isEqualTo("05.120");
		assertThat(GoLayout.format(T, "05,999999")).isEqualTo("05,12");
		assertThat(GoLayout.format(T.withNano(0), "05.999")).isEqualTo("05");
		assertThat(GoLayout.format(T.withNano(0), "05.00")).isEqualTo("05.00");
		// A digit after the run means it is not a fraction: "." then "0", then month
		// "01".
		assertThat(GoLayout.format(T, ".001")).isEqualTo(".011");
	}

	@Test
	void formatsOffsetsAndZoneNames() {
		ZonedDateTime kolkata = T.withZoneSameInstant(ZoneId.of("Asia/Kolkata"));
		assertThat(GoLayout.format(kolkata, "-0700|-07:00|-07|Z07:00|Z0700|MST"))
			.isEqualTo("+0530|+05:30|+05|+05:30|+0530|IST");
		assertThat(GoLayout.format(T, "-07:00 Z07:00 Z07 MST")).isEqualTo("+00:00 Z Z UTC");
		ZonedDateTime fixed = T.withZoneSameInstant(ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15));
		assertThat(GoLayout.format(fixed, "-07:00:00 -070000 MST")).isEqualTo("-03:30:15 -033015 -0330");
	}

	@Test
	void namedLayoutsAreGoConstants() {
		assertThat(GoLayout.format(T, GoLayout.resolve("RFC1123Z"))).isEqualTo("Tue, 10 Nov 2009 23:04:05 +0000");
		assertThat(GoLayout.format(T, GoLayout.resolve("RFC3339Nano"))).isEqualTo("2009-11-10T23:04:05.12Z");
		assertThat(GoLayout.resolve("2006")).isEqualTo("2006");
	}

	@Test
	void parsesWithOffsetsAndTwoDigitYears() {
		assertThat(GoLayoutParser.parse("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00"))
			.isEqualTo(Instant.parse("2017-06-03T02:00:00Z"));
		assertThat(GoLayoutParser.parse("02 Jan 06 15:04 -0700", "02 Jun 68 19:00 +0100"))
			.isEqualTo(Instant.parse("2068-06-02T18:00:00Z"));
		assertThat(GoLayoutParser.parse("02 Jan 06", "02 Jun 69")).isEqualTo(Instant.parse("1969-06-02T00:00:00Z"));
	}

	@Test
	void parsesMonthNamesInAnyCaseAndSpaceRuns() {
		assertThat(GoLayoutParser.parse("Jan _2 2006", "FEB  3 2013")).isEqualTo(Instant.parse("2013-02-03T00:00:00Z"));
		assertThat(GoLayoutParser.parse("January 2 2006", "february    3 2013"))
			.isEqualTo(Instant.parse("2013-02-03T00:00:00Z"));
	}

	@Test
	void parsesAFractionTheLayoutDoesNotMention() {
		assertThat(GoLayoutParser.parse("2006-01-02 15:04:05", "2013-02-03 19:54:00.123"))
			.isEqualTo(Instant.parse("2013-02-03T19:54:00.123Z"));
		assertThat(GoLayoutParser.parse("15:04:05.000 2006", "19:54:00.120 2013"))
			.isEqualTo(Instant.parse("2013-01-01T19:54:00.120Z"));
	}

	@Test
	void zoneAbbreviationsOtherThanGmtOffsetsCountAsUtc() {
		assertThat(GoLayoutParser.parse("02 Jan 06 15:04 MST", "02 Jan 06 15:04 PST"))
			.isEqualTo(Instant.parse("2006-01-02T15:04:00Z"));
		assertThat(GoLayoutParser.parse("02 Jan 06 15:04 MST", "02 Jan 06 15:04 GMT+3"))
			.isEqualTo(Instant.parse("2006-01-02T12:04:00Z"));
	}

	@Test
	void twelveHourClockWithPm() {
		assertThat(GoLayoutParser.parse("2006 3:04PM", "2020 12:30AM"))
			.isEqualTo(Instant.parse("2020-01-01T00:30:00Z"));
		assertThat(GoLayoutParser.parse("2006 3:04pm", "2020 1:30pm")).isEqualTo(Instant.parse("2020-01-01T13:30:00Z"));
	}

	@Test
	void reportsErrorsAsGoDoes() {
		assertParseError("2006-01-02", "2020-02-30", "parsing time \"2020-02-30\": day out of range");
		assertParseError("2006-01-02", "2020-13-01", "parsing time \"2020-13-01\": month out of range");
		assertParseError("2006-01-02", "2020-1-02",
				"parsing time \"2020-1-02\" as \"2006-01-02\": cannot parse \"1-02\" as \"01\"");
		assertParseError("2006", "2020x", "parsing time \"2020x\": extra text: \"x\"");
		assertParseError("2006-01-02", "2020/01/02",
				"parsing time \"2020/01/02\" as \"2006-01-02\": cannot parse \"/01/02\" as \"-\"");
	}

	private static void assertParseError(String layout, String value, String message) {
		assertThatExceptionOfType(RegoException.class).isThrownBy(() -> GoLayoutParser.parse(layout, value))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(message));
	}

}
