package tmsp.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tmsp.incident.IncidentStatistics.Count;

/**
 * The numbers a report prints, worked out from the incident summaries: bars scaled to the largest value (whole
 * percent, so the same CSS classes draw them in the HTML view and the PDF, where no script runs) and trends
 * against the previous period.
 */
final class ReportFigures {

    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");

    private ReportFigures() {
    }

    /** One bar: {@code percent} of the longest bar of its chart, at least 1 for a count above zero. */
    record Bar(String label, long count, int percent) {
    }

    /** A count beside the previous period's; {@code percent} is null when there was nothing before. */
    record Trend(String label, long now, long before, long delta, Integer percent) {

        public String direction() {
            return delta > 0 ? "up" : delta < 0 ? "down" : "same";
        }
    }

    static List<Bar> bars(List<Count> counts) {
        long max = counts.stream().mapToLong(Count::count).max().orElse(0);
        return counts.stream().map(c -> new Bar(c.name(), c.count(), percent(c.count(), max))).toList();
    }

    /** Every severity, most severe first, including those with none (a report says "0", not nothing). */
    static List<Bar> severityBars(Map<String, Long> bySeverity) {
        return bars(SEVERITIES.stream().map(s -> new Count(s, bySeverity.getOrDefault(s, 0L))).toList());
    }

    /** The days of the period with their counts, labelled by day of month. */
    static List<Bar> dayBars(LocalDate start, List<Long> perDay) {
        List<Count> days = new ArrayList<>();
        for (int d = 0; d < perDay.size(); d++) {
            days.add(new Count(String.valueOf(start.plusDays(d).getDayOfMonth()), perDay.get(d)));
        }
        return bars(days);
    }

    static Trend trend(String label, long now, long before) {
        Integer percent = before == 0 ? null : (int) Math.round((now - before) * 100.0 / before);
        return new Trend(label, now, before, now - before, percent);
    }

    /** Per severity, this period against the previous one. */
    static List<Trend> severityTrends(Map<String, Long> now, Map<String, Long> before) {
        return SEVERITIES.stream().map(s -> trend(s, now.getOrDefault(s, 0L), before.getOrDefault(s, 0L))).toList();
    }

    static int percent(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(100, Math.round(value * 100.0 / max)));
    }
}
