package tmsp.incident.internal;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.ingest.Detections;
import tmsp.ingest.StoredDetection;

/** Reads incidents for the pages and the API: filtered lists, one incident, one page of its evidence. */
@Component
@Transactional(readOnly = true)
class IncidentQuery {

    /**
     * One page of an incident's evidence detections, in event-time order within the page; {@code missing} counts the
     * page's evidence ids whose detections are no longer stored (log maintenance purged them).
     */
    record EvidencePage(List<StoredDetection> items, long total, int page, int size, int missing) {
    }

    private final Incidents incidents;
    private final IncidentEvidence evidence;
    private final Detections detections;

    IncidentQuery(Incidents incidents, IncidentEvidence evidence, Detections detections) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.detections = detections;
    }

    Page<IncidentView> find(IncidentCriteria c) {
        Sort.Direction direction = c.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        PageRequest page = PageRequest.of(c.page(), c.size(), Sort.by(direction, "lastSeen", "id"));
        return incidents.findAll(matching(c), page).map(IncidentView::of);
    }

    /** Every rule that has raised an incident, for the lists' rule filter. */
    List<String> ruleIds() {
        return incidents.ruleIds();
    }

    Optional<IncidentView> get(long id) {
        return incidents.findById(id).map(IncidentView::of);
    }

    /** Evidence is paged by detection id; each page's detections are read from ingest in one go. */
    EvidencePage evidence(IncidentView incident, int page, int size) {
        List<Long> ids = evidence.page(incident.id(), page, size);
        List<StoredDetection> items = ids.isEmpty() ? List.of() : detections.byIds(incident.accountId(), ids,
                incident.firstSeen(), incident.lastSeen());
        return new EvidencePage(items, evidence.count(incident.id()), page, size, ids.size() - items.size());
    }

    static Specification<Incident> matching(IncidentCriteria c) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (c.accountId() != null) {
                where.add(cb.equal(root.get("accountId"), c.accountId()));
            }
            if (c.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("lastSeen"), c.from()));
            }
            if (c.to() != null) {
                where.add(cb.lessThan(root.get("firstSeen"), c.to()));
            }
            if (c.severity() != null) {
                where.add(cb.equal(root.get("severity"), c.severity()));
            }
            if (c.ruleId() != null) {
                where.add(cb.equal(root.get("ruleId"), c.ruleId()));
            }
            if (c.status() != null) {
                where.add(cb.equal(root.get("status"), c.status()));
            }
            if (c.suppressed() == IncidentCriteria.Suppressed.FALSE) {
                where.add(cb.isNull(root.get("suppressedByException")));
            } else if (c.suppressed() == IncidentCriteria.Suppressed.TRUE) {
                where.add(cb.isNotNull(root.get("suppressedByException")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
