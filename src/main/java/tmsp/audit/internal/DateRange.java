package tmsp.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A range of whole days, both ends included; defaults to the last seven days; ends swapped if reversed. */
record DateRange(LocalDate from, LocalDate to, Instant start, Instant end) {

    static DateRange of(LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (first.isAfter(last)) {
            LocalDate swap = first;
            first = last;
            last = swap;
        }
        return new DateRange(first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
