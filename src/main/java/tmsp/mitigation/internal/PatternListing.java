package tmsp.mitigation.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The Patterns page's queries: a page of patterns, then the deployments of that page in one query. */
interface PatternListing extends Repository<CleanupPattern, Long> {

    @Query("select p from CleanupPattern p where (:accountId is null or p.accountId = :accountId)"
            + " and (:status is null or p.status = :status) order by p.id desc")
    Page<CleanupPattern> find(Long accountId, CleanupPattern.Status status, Pageable page);

    @Query("select d from PatternDeployment d where d.key.patternId in :patternIds order by d.mitigationServer")
    List<PatternDeployment> deploymentsOf(Collection<Long> patternIds);

    @Query("select distinct p.accountId from CleanupPattern p")
    List<Long> accountIds();
}
