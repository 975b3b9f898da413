package tmsp.correlation.authoring.backtest;

import java.time.LocalDate;
import java.util.List;
import tmsp.ingest.StoredDetection;

/** What a test runs the rules over: an account's stored detections of some days, or pasted lines. */
sealed interface TestSource {

    /** The account's detections from the start of {@code from} to the end of {@code to}, in the configured zone. */
    record StoredDays(long accountId, LocalDate from, LocalDate to) implements TestSource {
    }

    /** Parsed pasted lines, ids being line numbers; held in memory until the test has run. */
    record Pasted(List<StoredDetection> detections) implements TestSource {
    }
}
