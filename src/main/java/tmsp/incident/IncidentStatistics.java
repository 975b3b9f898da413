package tmsp.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Figures about an account's incidents over a period, for reports: counted by the database, not listed. */
public interface IncidentStatistics {

    /**
     * The incidents first seen in {@code [from, to)}, suppressed ones left out: by severity, by rule, the hosts and threats they name most,
     * and how many started on each day of the period (days in {@code zone}).
     *
     * @param top how many hosts and threats to keep, the most frequent first
     */
    Summary summarize(long accountId, Instant from, Instant to, ZoneId zone, int top);

    /**
     * @param bySeverity severity (INFORMATIONAL ... CRITICAL) to count, only severities that occur
     * @param byRule     rule id to count, the most frequent first
     * @param perDay     one count per day from {@code from}'s day up to the day before {@code to}
     */
    record Summary(long total, Map<String, Long> bySeverity, List<Count> byRule, List<Count> topHosts,
                   List<Count> topThreats, List<Long> perDay) {
    }

    record Count(String name, long count) {
    }
}
