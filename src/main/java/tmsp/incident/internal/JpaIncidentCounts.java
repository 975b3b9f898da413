package tmsp.incident.internal;

import java.time.Instant;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.incident.IncidentCounts;

/** Counts in the incidents table, one statement; suppressed incidents do not count. */
@Component
class JpaIncidentCounts implements IncidentCounts {

    private final EntityManager entities;

    JpaIncidentCounts(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional(readOnly = true)
    public long firstSeenBetween(long accountId, Instant from, Instant to) {
        return entities.createQuery("select count(i) from Incident i where i.accountId = :accountId"
                        + " and i.firstSeen >= :from and i.firstSeen < :to and i.suppressedByException is null",
                        Long.class)
                .setParameter("accountId", accountId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
    }
}
