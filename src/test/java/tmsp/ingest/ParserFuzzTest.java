package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The parsers' promise, checked on 100,000 generated lines each (5,000 tries of {@value LineGenerators#BATCH}
 * lines: a valid line, 18 mutations of it, one random text): whatever the input, the answer is a detection or
 * a parse error with a reason; no exception escapes and the INTERNAL_ERROR safety net is never needed.
 * Valid generated lines must also all parse, so the generators really produce what appliances send.
 */
class ParserFuzzTest {

    static final int BATCHES = 5_000;
    static final int VALID_TRIES = 2_000;

    static final CpuClock clock = new CpuClock();

    final CefParser cef = new CefParser();
    final LeefParser leef = new LeefParser();
    final JsonLineParser json = new JsonLineParser();
    final LineParser any = new LineParser();

    @Property(tries = BATCHES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void cefParserAnswersEveryLine(@ForAll("hostileCef") List<String> lines) {
        checkAnswers(cef, lines);
    }

    @Property(tries = BATCHES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void leefParserAnswersEveryLine(@ForAll("hostileLeef") List<String> lines) {
        checkAnswers(leef, lines);
    }

    @Property(tries = BATCHES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void jsonLineParserAnswersEveryLine(@ForAll("hostileJson") List<String> lines) {
        checkAnswers(json, lines);
    }

    @Property(tries = BATCHES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void lineParserAnswersEveryLine(@ForAll("hostileAny") List<String> lines) {
        checkAnswers(any, lines);
    }

    @Property(tries = VALID_TRIES)
    void validCefLinesParse(@ForAll("validCef") String line) {
        assertThat(cef.parse(line)).isInstanceOf(Detection.class);
    }

    @Property(tries = VALID_TRIES)
    void validLeefLinesParse(@ForAll("validLeef") String line) {
        assertThat(leef.parse(line)).isInstanceOf(Detection.class);
    }

    @Property(tries = VALID_TRIES)
    void validJsonLinesParse(@ForAll("validJson") String line) {
        assertThat(json.parse(line)).isInstanceOf(Detection.class);
    }

    @Property(tries = VALID_TRIES)
    void validLinesOfAnyFormatParseBehindSyslogHeaders(@ForAll("validAny") String line) {
        assertThat(any.parse(line)).isInstanceOf(Detection.class);
    }

    @BeforeContainer
    static void startClock() {
        clock.start();
    }

    @AfterContainer
    static void reportTime() {
        System.out.println("ParserFuzzTest: " + clock.report());
    }

    private static void checkAnswers(DetectionParser parser, List<String> lines) {
        for (String line : lines) {
            long start = clock.threadCpuNanos();
            ParseOutcome outcome;
            try {
                outcome = parser.parse(line);
            } catch (RuntimeException | Error escaped) {
                throw new AssertionError("exception escaped for line " + printable(line), escaped);
            } finally {
                clock.addParseNanos(clock.threadCpuNanos() - start);
            }
            if (outcome instanceof ParseError error) {
                if (error.reason().isBlank() || error.code() == ParseErrorCode.INTERNAL_ERROR) {
                    throw new AssertionError(error + " for line " + printable(line));
                }
                Statistics.label("outcome").collect(error.code());
            } else if (outcome instanceof Detection detection && detection.raw() != null) {
                Statistics.label("outcome").collect("DETECTION");
            } else {
                throw new AssertionError("no answer for line " + printable(line));
            }
        }
    }

    private static String printable(String line) {
        String head = line.length() > 300 ? line.substring(0, 300) + "... (" + line.length() + " chars)" : line;
        StringBuilder out = new StringBuilder();
        head.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    @Provide
    Arbitrary<List<String>> hostileCef() {
        return LineGenerators.hostileBatches(LineGenerators.cefLines(), "CEF:0|");
    }

    @Provide
    Arbitrary<List<String>> hostileLeef() {
        return LineGenerators.hostileBatches(LineGenerators.leefLines(), "LEEF:2.0|");
    }

    @Provide
    Arbitrary<List<String>> hostileJson() {
        return LineGenerators.hostileBatches(LineGenerators.jsonLines(), "{\"");
    }

    @Provide
    Arbitrary<List<String>> hostileAny() {
        return LineGenerators.hostileBatches(LineGenerators.anyFormatLines(), "<13>");
    }

    @Provide
    Arbitrary<String> validCef() {
        return LineGenerators.cefLines();
    }

    @Provide
    Arbitrary<String> validLeef() {
        return LineGenerators.leefLines();
    }

    @Provide
    Arbitrary<String> validJson() {
        return LineGenerators.jsonLines();
    }

    @Provide
    Arbitrary<String> validAny() {
        return LineGenerators.anyFormatLines();
    }
}
