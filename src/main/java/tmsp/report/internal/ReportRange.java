package tmsp.report.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** A range chosen on the reports page (on-demand report, archive): both days given, in order, past, at most a year. */
record ReportRange(LocalDate from, LocalDate to) {

    /** @return the message key of what is wrong, or empty when the range may be used */
    Optional<String> problem(LocalDate today, Period maxRange) {
        if (from == null || to == null) {
            return Optional.of("report.range.required");
        }
        if (to.isBefore(from)) {
            return Optional.of("report.range.endBeforeStart");
        }
        if (!to.isBefore(from.plus(maxRange))) {
            return Optional.of("report.range.tooLong");
        }
        if (to.isAfter(today)) {
            return Optional.of("report.range.future");
        }
        return Optional.empty();
    }
}
