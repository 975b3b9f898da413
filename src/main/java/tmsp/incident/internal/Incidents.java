package tmsp.incident.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Incidents extends JpaRepository<Incident, Long> {

    /** Incidents of one rule and grouping whose time span comes within reach of {@code [from, to]}, earliest first. */
    @Query("select i from Incident i where i.accountId = :accountId and i.ruleId = :ruleId and i.grouping = :grouping"
            + " and i.lastSeen >= :from and i.firstSeen <= :to order by i.firstSeen, i.id")
    List<Incident> episodesNear(long accountId, String ruleId, String grouping, Instant from, Instant to);
}
