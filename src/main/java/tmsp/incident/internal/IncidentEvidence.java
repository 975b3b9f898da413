package tmsp.incident.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The detections behind each incident, by id; written in JDBC batches (a finding may carry thousands). */
@Component
class IncidentEvidence {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    IncidentEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the ids the incident does not have yet; @return how many evidence rows it has now. */
    int add(long incidentId, Collection<Long> detectionIds) {
        Set<Long> known = new HashSet<>(jdbc.queryForList(
                "select detection_id from incident_evidence where incident_id = ?", Long.class, incidentId));
        List<Object[]> rows = new ArrayList<>();
        for (Long id : detectionIds) {
            if (id != null && known.add(id)) {
                rows.add(new Object[] {incidentId, id});
            }
        }
        for (int start = 0; start < rows.size(); start += BATCH) {
            jdbc.batchUpdate("insert into incident_evidence (incident_id, detection_id) values (?, ?)",
                    rows.subList(start, Math.min(rows.size(), start + BATCH)));
        }
        return known.size();
    }

    /** One page of an incident's detection ids, in id order. */
    List<Long> page(long incidentId, int page, int size) {
        return jdbc.queryForList("select detection_id from incident_evidence where incident_id = ?"
                + " order by detection_id offset ? rows fetch next ? rows only", Long.class, incidentId,
                (long) page * size, size);
    }

    long count(long incidentId) {
        Long count = jdbc.queryForObject("select count(*) from incident_evidence where incident_id = ?", Long.class,
                incidentId);
        return count == null ? 0 : count;
    }
}
