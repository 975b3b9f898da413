package tmsp.incident.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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

    /**
     * Adds the ids the incident does not have yet, looking up only these ids among its evidence: live correlation
     * records a growing flood every few seconds, and reading all of its evidence each time grew with the flood.
     *
     * @param countBefore how many evidence rows the incident has (its detection count: only this class writes them)
     * @return how many it has now
     */
    int add(long incidentId, int countBefore, Collection<Long> detectionIds) {
        List<Long> distinct = detectionIds.stream().filter(Objects::nonNull).distinct().toList();
        Set<Long> known = new HashSet<>();
        for (int start = 0; start < distinct.size(); start += BATCH) {
            List<Long> chunk = distinct.subList(start, Math.min(distinct.size(), start + BATCH));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(incidentId);
            args.addAll(chunk);
            known.addAll(jdbc.queryForList("select detection_id from incident_evidence where incident_id = ?"
                    + " and detection_id in (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    Long.class, args.toArray()));
        }
        List<Object[]> rows = distinct.stream().filter(id -> !known.contains(id))
                .map(id -> new Object[] {incidentId, id}).toList();
        for (int start = 0; start < rows.size(); start += BATCH) {
            jdbc.batchUpdate("insert into incident_evidence (incident_id, detection_id) values (?, ?)",
                    rows.subList(start, Math.min(rows.size(), start + BATCH)));
        }
        return countBefore + rows.size();
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

    /** Up to {@code limit} detection ids of the incident above {@code after}, in id order: keyset paging. */
    List<Long> after(long incidentId, long after, int limit) {
        return jdbc.queryForList("select detection_id from incident_evidence where incident_id = ? and detection_id > ?"
                + " order by detection_id fetch first ? rows only", Long.class, incidentId, after, limit);
    }
}
