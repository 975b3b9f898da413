package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tmsp.ingest.ParseOptions;

/**
 * The fast reading of common CEF dates agrees with the formatter wherever it answers, and answers for the forms
 * appliances send. Dates are generated around the edges: day 0 and 32, 29 February, hour 24, second 60, long
 * fractions, offsets beyond ±18 h, mixed case, tabs and double spaces, other zones, trailing text.
 */
class CefDatesTest {

    static final ParseOptions UTC = ParseOptions.defaults()
            .withClock(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    static final ParseOptions VIENNA = UTC.withDefaultZone(ZoneId.of("Europe/Vienna"));

    @Property(tries = 20_000)
    void agreesWithTheFormatterWhereverItAnswers(@ForAll("dates") String text) {
        for (ParseOptions options : List.of(UTC, VIENNA)) {
            Instant fast = CefDates.parse(text, options);
            Statistics.collect(fast != null ? "read fast" : "left to the formatter");
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(EventTimes.cefDateByFormatter(text, options));
            }
        }
    }

    @Property(tries = 5_000)
    void readsTheCommonFormsItself(@ForAll("commonDates") String text) {
        Instant reference = EventTimes.cefDateByFormatter(text, VIENNA);
        assertThat(reference).as(text).isNotNull();
        assertThat(CefDates.parse(text, VIENNA)).as(text).isEqualTo(reference);
    }

    @Example
    void examples() {
        assertThat(CefDates.parse("Nov 27 2026 00:25:00 GMT+00:00", UTC)).isEqualTo(Instant.parse("2026-11-27T00:25:00Z"));
        assertThat(CefDates.parse("Mar 09 2015 17:05:21 GMT+08:00", UTC)).isEqualTo(Instant.parse("2015-03-09T09:05:21Z"));
        assertThat(CefDates.parse("mar 9 2015 17:05:21.123", VIENNA)).isEqualTo(Instant.parse("2015-03-09T16:05:21.123Z"));
        assertThat(CefDates.parse("Dec 31 23:59:59", UTC)).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(CefDates.parse("Feb 29 2025 00:00:00", UTC)).isNull();
        assertThat(CefDates.parse("Feb 29 2024 00:00:00 CET", UTC)).isNull(); // the formatter's
        assertThat(CefDates.parse("Nov 27 2026 00:25:00 GMT+18:00", UTC)).isNull();
        assertThat(CefDates.parse("Nov 27 2026  00:25:00", UTC)).isNull();
    }

    @Provide
    Arbitrary<String> commonDates() {
        Arbitrary<String> month = Arbitraries.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec", "NOV", "nov", "sEp");
        Arbitrary<String> day = Arbitraries.integers().between(1, 28).flatMap(d ->
                Arbitraries.of(String.valueOf(d), String.format(Locale.ROOT, "%02d", d)));
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(1970, 9998).map(y -> " " + y));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
                .as((h, m, s) -> String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
        Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.of("", " GMT", " UTC"),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 17),
                        Arbitraries.integers().between(0, 59))
                        .as((sign, h, m) -> String.format(Locale.ROOT, " GMT%c%02d:%02d", sign, h, m)));
        return Combinators.combine(month, day, year, time, fraction, zone)
                .as((mo, d, y, t, f, z) -> mo + " " + d + y + " " + t + f + z);
    }

    /** Mostly valid parts, each now and then replaced by an edge case. */
    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> month = mostly(Arbitraries.of("Jan", "Feb", "Mar", "Dec", "FEB", "fEb"),
                "Fe", "Febr", "Xyz", "Ma1", "Mär", "ſep");
        Arbitrary<String> day = mostly(Arbitraries.of("1", "01", "9", "28", "29", "30", "31"),
                "0", "00", "32", "99", "001", "", "x");
        Arbitrary<String> year = mostly(Arbitraries.of("", " 2024", " 2025", " 2026", " 1970", " 9999"),
                " 0000", " 202", " 20245", " 2O24");
        Arbitrary<String> time = mostly(Arbitraries.of("00:00:00", "23:59:59", "12:34:56"),
                "24:00:00", "12:60:00", "12:00:60", "1:00:00", "12:00", "12:00:00:00", "12-00-00");
        Arbitrary<String> fraction = mostly(Arbitraries.of("", ".0", ".5", ".123", ".123456789", ".000000001"),
                ".", ".1234567891", ".12a");
        Arbitrary<String> zone = mostly(Arbitraries.of("", " GMT", " UTC", " GMT+00:00", " GMT-00:00", " GMT+05:30",
                " GMT-11:00", " GMT+14:00", " GMT+17:59"), " Z", " GMT+18:00", " GMT+19:00", " GMT+5:00",
                " GMT+05:60", " GMT+0500", " +01:00", " gmt+01:00", " CET", " EST", " PST", " Europe/Vienna", " UT",
                " GMT ", " GMT+01:00 x", "\tGMT", "  GMT");
        Arbitrary<String> separator = mostly(Arbitraries.just(" "), "  ", "\t", " \t");
        return Combinators.combine(month, separator, day, year, separator, time, fraction, zone)
                .as((mo, s1, d, y, s2, t, f, z) -> mo + s1 + d + y + s2 + t + f + z);
    }

    private static Arbitrary<String> mostly(Arbitrary<String> valid, String... edges) {
        return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(1, Arbitraries.of(edges)));
    }
}
