package tmsp.incident.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Incidents extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

    /** The account's incidents of these rules whose time span reaches into {@code [from, to]}. */
    @Query("select i from Incident i where i.accountId = :accountId and i.ruleId in :ruleIds"
            + " and i.lastSeen >= :from and i.firstSeen <= :to")
    List<Incident> episodesWithin(long accountId, Collection<String> ruleIds, Instant from, Instant to);

    /**
     * The account's incidents overlapping {@code [from, to)} after id {@code after}, in id order: keyset paging.
     * Suppressed incidents are left out (the consolidated logs hold what the customer is shown).
     */
    @Query("select i from Incident i where i.accountId = :accountId and i.lastSeen >= :from and i.firstSeen < :to"
            + " and i.suppressedByException is null and i.id > :after order by i.id")
    List<Incident> inRangeAfter(long accountId, Instant from, Instant to, long after, Limit limit);

    @Query("select distinct i.ruleId from Incident i order by i.ruleId")
    List<String> ruleIds();

    /** Per severity, how many of the account's incidents are not resolved nor suppressed: rows of {severity, count}. */
    @Query("select i.severity, count(i) from Incident i where i.accountId = :accountId"
            + " and i.status <> tmsp.incident.IncidentStatus.RESOLVED and i.suppressedByException is null"
            + " group by i.severity")
    List<Object[]> unresolvedBySeverity(long accountId);

    @Query("select i.firstSeen from Incident i where i.accountId = :accountId and i.firstSeen >= :since"
            + " and i.suppressedByException is null")
    List<Instant> firstSeenSince(long accountId, Instant since);
}
