package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.support.Draw.between;
import static tmsp.support.Draw.frequencyOf;
import static tmsp.support.Draw.oneOf;
import static tmsp.support.Draw.string;
import static tmsp.support.Draw.weight;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tmsp.ingest.ParseOptions;
import tmsp.support.Seeds;

/**
 * The fast reading of common CEF dates agrees with the formatter wherever it answers, and answers for the forms
 * appliances send. Dates are generated around the edges: day 0 and 32, 29 February, hour 24, second 60, long
 * fractions, offsets beyond ±18 h, mixed case, tabs and double spaces, other zones, trailing text.
 */
class CefDatesTest {

    static final ParseOptions UTC = ParseOptions.defaults()
            .withClock(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    static final ParseOptions VIENNA = UTC.withDefaultZone(ZoneId.of("Europe/Vienna"));

    /** How often the fast reading answered: the agreement means something only where it did. */
    static final Map<String, Long> answers = new TreeMap<>();

    @Test
    void agreesWithTheFormatterWhereverItAnswers() {
        Seeds.check(20_000, random -> {
            String text = date(random);
            for (ParseOptions options : List.of(UTC, VIENNA)) {
                Instant fast = CefDates.parse(text, options);
                answers.merge(fast != null ? "read fast" : "left to the formatter", 1L, Long::sum);
                if (fast != null) {
                    assertThat(fast).as(text).isEqualTo(EventTimes.cefDateByFormatter(text, options));
                }
            }
        });
    }

    @Test
    void readsTheCommonFormsItself() {
        Seeds.check(5_000, random -> {
            String text = commonDate(random);
            Instant reference = EventTimes.cefDateByFormatter(text, VIENNA);
            assertThat(reference).as(text).isNotNull();
            assertThat(CefDates.parse(text, VIENNA)).as(text).isEqualTo(reference);
        });
    }

    @Test
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

    @AfterAll
    static void reportAnswers() {
        System.out.println("CefDatesTest: edge dates " + answers);
    }

    private static String commonDate(Random r) {
        String month = oneOf(r, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                "NOV", "nov", "sEp");
        int d = between(r, 1, 28);
        String day = r.nextBoolean() ? String.valueOf(d) : String.format(Locale.ROOT, "%02d", d);
        String year = r.nextBoolean() ? "" : " " + between(r, 1970, 9998);
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", between(r, 0, 23), between(r, 0, 59),
                between(r, 0, 59));
        String fraction = r.nextBoolean() ? "" : "." + string(r, 1, 9, () -> r.nextInt('0', '9' + 1));
        String zone = r.nextBoolean() ? oneOf(r, "", " GMT", " UTC")
                : String.format(Locale.ROOT, " GMT%c%02d:%02d", oneOf(r, '+', '-'), between(r, 0, 17),
                        between(r, 0, 59));
        return month + " " + day + year + " " + time + fraction + zone;
    }

    /** Mostly valid parts, each now and then replaced by an edge case. */
    private static String date(Random r) {
        String month = mostly(r, List.of("Jan", "Feb", "Mar", "Dec", "FEB", "fEb"),
                "Fe", "Febr", "Xyz", "Ma1", "Mär", "ſep");
        String separator1 = separator(r);
        String day = mostly(r, List.of("1", "01", "9", "28", "29", "30", "31"),
                "0", "00", "32", "99", "001", "", "x");
        String year = mostly(r, List.of("", " 2024", " 2025", " 2026", " 1970", " 9999"),
                " 0000", " 202", " 20245", " 2O24");
        String separator2 = separator(r);
        String time = mostly(r, List.of("00:00:00", "23:59:59", "12:34:56"),
                "24:00:00", "12:60:00", "12:00:60", "1:00:00", "12:00", "12:00:00:00", "12-00-00");
        String fraction = mostly(r, List.of("", ".0", ".5", ".123", ".123456789", ".000000001"),
                ".", ".1234567891", ".12a");
        String zone = mostly(r, List.of("", " GMT", " UTC", " GMT+00:00", " GMT-00:00", " GMT+05:30",
                " GMT-11:00", " GMT+14:00", " GMT+17:59"), " Z", " GMT+18:00", " GMT+19:00", " GMT+5:00",
                " GMT+05:60", " GMT+0500", " +01:00", " gmt+01:00", " CET", " EST", " PST", " Europe/Vienna", " UT",
                " GMT ", " GMT+01:00 x", "\tGMT", "  GMT");
        return month + separator1 + day + year + separator2 + time + fraction + zone;
    }

    private static String separator(Random r) {
        return mostly(r, List.of(" "), "  ", "\t", " \t");
    }

    /** One of the valid values six times in seven, else one of the edges. */
    private static String mostly(Random r, List<String> valid, String... edges) {
        return frequencyOf(r, weight(6, () -> oneOf(r, valid)), weight(1, () -> oneOf(r, edges)));
    }
}
