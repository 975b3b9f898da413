package tmsp.incident.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The time range of a consolidated-logs download: the last 30 days unless from and to say otherwise. */
record ConsolidatedRange(Instant from, Instant to, String label) {

    static final int DEFAULT_DAYS = 30;

    static ConsolidatedRange of(String from, String to, ZoneId zone) {
        Instant end = IncidentCriteria.time("to", to, zone, true);
        Instant start = IncidentCriteria.time("from", from, zone, false);
        if (end == null) {
            end = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (start == null) {
            start = end.atZone(zone).minusDays(DEFAULT_DAYS).toInstant();
        }
        if (!start.isBefore(end)) {
            throw new BadIncidentRequest("from", "from must be before to");
        }
        return new ConsolidatedRange(start, end, day(start, zone) + "_" + day(end.minusNanos(1), zone));
    }

    private static String day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString();
    }
}
