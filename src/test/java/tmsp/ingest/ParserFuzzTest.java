package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tmsp.support.Printable;
import tmsp.support.Seeds;

/**
 * The parsers' promise, checked on 100,000 generated lines each (5,000 seeded batches of
 * {@value LineGenerators#BATCH} lines: a valid line, 18 mutations of it, one random text): whatever the input,
 * the answer is a detection or a parse error with a reason; no exception escapes and the INTERNAL_ERROR safety
 * net is never needed. Valid generated lines must also all parse, so the generators really produce what
 * appliances send. A failure names the seed that replays it (see {@link Seeds}).
 */
class ParserFuzzTest {

    static final int BATCHES = 5_000;
    static final int VALID_TRIES = 2_000;

    static final CpuClock clock = new CpuClock();
    /** How often each parser answered with a detection or each error code: the mutations reach them all. */
    static final Map<String, Map<String, Long>> outcomes = new TreeMap<>();

    final CefParser cef = new CefParser();
    final LeefParser leef = new LeefParser();
    final JsonLineParser json = new JsonLineParser();
    final LineParser any = new LineParser();

    @Test
    void cefParserAnswersEveryLine() {
        checkHostileBatches(cef, LineGenerators::cefLine, "CEF:0|");
    }

    @Test
    void leefParserAnswersEveryLine() {
        checkHostileBatches(leef, LineGenerators::leefLine, "LEEF:2.0|");
    }

    @Test
    void jsonLineParserAnswersEveryLine() {
        checkHostileBatches(json, LineGenerators::jsonLine, "{\"");
    }

    @Test
    void lineParserAnswersEveryLine() {
        checkHostileBatches(any, LineGenerators::anyFormatLine, "<13>");
    }

    @Test
    void validCefLinesParse() {
        checkValidLines(cef, LineGenerators::cefLine);
    }

    @Test
    void validLeefLinesParse() {
        checkValidLines(leef, LineGenerators::leefLine);
    }

    @Test
    void validJsonLinesParse() {
        checkValidLines(json, LineGenerators::jsonLine);
    }

    @Test
    void validLinesOfAnyFormatParseBehindSyslogHeaders() {
        checkValidLines(any, LineGenerators::anyFormatLine);
    }

    @BeforeAll
    static void startClock() {
        clock.start();
    }

    @AfterAll
    static void reportTimeAndOutcomes() {
        System.out.println("ParserFuzzTest: " + clock.report());
        outcomes.forEach((parser, counts) -> System.out.println("ParserFuzzTest: " + parser + " answered " + counts));
    }

    private static void checkHostileBatches(DetectionParser parser, Function<Random, String> valid, String marker) {
        Seeds.check(BATCHES, random -> checkAnswers(parser, LineGenerators.hostileBatch(random, valid, marker)));
    }

    private static void checkValidLines(DetectionParser parser, Function<Random, String> valid) {
        Seeds.check(VALID_TRIES, random -> {
            String line = valid.apply(random);
            assertThat(parser.parse(line)).as(Printable.of(line)).isInstanceOf(Detection.class);
        });
    }

    private static void checkAnswers(DetectionParser parser, List<String> lines) {
        for (String line : lines) {
            long start = clock.threadCpuNanos();
            ParseOutcome outcome;
            try {
                outcome = parser.parse(line);
            } catch (RuntimeException | Error escaped) {
                throw new AssertionError("exception escaped for line " + Printable.of(line), escaped);
            } finally {
                clock.addParseNanos(clock.threadCpuNanos() - start);
            }
            if (outcome instanceof ParseError error) {
                if (error.reason().isBlank() || error.code() == ParseErrorCode.INTERNAL_ERROR) {
                    throw new AssertionError(error + " for line " + Printable.of(line));
                }
                count(parser, error.code().name());
            } else if (outcome instanceof Detection detection && detection.raw() != null) {
                count(parser, "DETECTION");
            } else {
                throw new AssertionError("no answer for line " + Printable.of(line));
            }
        }
    }

    private static void count(DetectionParser parser, String outcome) {
        outcomes.computeIfAbsent(parser.getClass().getSimpleName(), name -> new TreeMap<>())
                .merge(outcome, 1L, Long::sum);
    }
}
