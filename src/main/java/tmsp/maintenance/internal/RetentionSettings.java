package tmsp.maintenance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.maintenance.MaintenanceEvents;
import tmsp.maintenance.RetainedData;

/** How many days each kind of data is kept: the administrator's choice, else the owning module's default. */
@Component
class RetentionSettings {

    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 3650;
    /** The page lists kinds in the order the issue names them; kinds it does not name follow by name. */
    private static final List<String> ORDER = List.of("detections", "uploads", "quarantine", "incidents", "reports",
            "reports-of-deleted-accounts", "system-logs");

    private final Map<String, RetainedData> kinds = new LinkedHashMap<>();
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    RetentionSettings(List<RetainedData> retained, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        retained.stream().sorted(Comparator.comparingInt((RetainedData r) -> rank(r.kind()))
                .thenComparing(RetainedData::kind)).forEach(r -> {
                    if (kinds.putIfAbsent(r.kind(), r) != null) {
                        throw new IllegalStateException("Two beans retain the kind " + r.kind());
                    }
                });
        this.jdbc = jdbc;
        this.events = events;
    }

    private static int rank(String kind) {
        int index = ORDER.indexOf(kind);
        return index < 0 ? ORDER.size() : index;
    }

    /** Every kind, in page order. */
    List<RetainedData> kinds() {
        return List.copyOf(kinds.values());
    }

    boolean knows(String kind) {
        return kinds.containsKey(kind);
    }

    /** Days kept per kind, in page order. */
    Map<String, Integer> days() {
        Map<String, Integer> chosen = new HashMap<>();
        jdbc.query("select kind, days from retention_settings", rs -> {
            chosen.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, Integer> days = new LinkedHashMap<>();
        kinds.values().forEach(k -> days.put(k.kind(), chosen.getOrDefault(k.kind(), defaultDays(k))));
        return days;
    }

    static int defaultDays(RetainedData kind) {
        LocalDate reference = LocalDate.of(2001, 1, 1);
        long days = ChronoUnit.DAYS.between(reference, reference.plus(kind.defaultRetention()));
        return (int) Math.max(MIN_DAYS, Math.min(MAX_DAYS, days));
    }

    /** Saves all changed kinds at once; the caller has validated every value ({@link RetentionForm}). */
    @Transactional
    void change(Map<String, Integer> wanted, String actor) {
        Map<String, Integer> current = days();
        Instant now = Instant.now();
        wanted.forEach((kind, days) -> {
            if (!knows(kind) || days < MIN_DAYS || days > MAX_DAYS) {
                throw new IllegalArgumentException("No retention of " + days + " days for " + kind);
            }
            int before = current.get(kind);
            if (before == days) {
                return;
            }
            int updated = jdbc.update("update retention_settings set days = ?, updated_by = ?, updated_at = ? where kind = ?",
                    days, actor, Timestamp.from(now), kind);
            if (updated == 0) {
                jdbc.update("insert into retention_settings (kind, days, updated_by, updated_at) values (?, ?, ?, ?)",
                        kind, days, actor, Timestamp.from(now));
            }
            events.publishEvent(new MaintenanceEvents.RetentionChanged(actor, kind, before, days));
        });
    }
}
