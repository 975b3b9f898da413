package tmsp.incident.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountPageSection;

/**
 * The account page's "Incidents" card: unresolved incidents by severity, new incidents per day over the last
 * 30 days (a chart), links to the list and the consolidated-logs download.
 */
@Component
class IncidentsSection implements AccountPageSection {

    static final int TREND_DAYS = 30;

    private final Incidents incidents;
    private final ZoneId zone;

    IncidentsSection(Incidents incidents, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.incidents = incidents;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String fragment() {
        return "incident/card :: section";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> model(long accountId) {
        Map<String, Long> unresolved = new LinkedHashMap<>();
        for (int i = Incident.SEVERITIES.size() - 1; i >= 0; i--) {
            unresolved.put(Incident.SEVERITIES.get(i), 0L); // most severe first
        }
        for (Object[] row : incidents.unresolvedBySeverity(accountId)) {
            unresolved.put((String) row[0], (Long) row[1]);
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(TREND_DAYS - 1);
        long[] perDay = new long[TREND_DAYS];
        for (Instant seen : incidents.firstSeenSince(accountId, first.atStartOfDay(zone).toInstant())) {
            int day = (int) (seen.atZone(zone).toLocalDate().toEpochDay() - first.toEpochDay());
            if (day >= 0 && day < TREND_DAYS) {
                perDay[day]++;
            }
        }
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int d = 0; d < TREND_DAYS; d++) {
            labels.add(first.plusDays(d).toString());
            counts.add(perDay[d]);
        }
        return Map.of("accountId", accountId, "unresolved", unresolved,
                "unresolvedTotal", unresolved.values().stream().mapToLong(Long::longValue).sum(),
                "trendLabels", String.join(",", labels),
                "trendCounts", String.join(",", counts.stream().map(String::valueOf).toList()),
                "trendTotal", counts.stream().mapToLong(Long::longValue).sum(),
                "downloadFrom", first.toString(), "downloadTo", today.toString());
    }
}
