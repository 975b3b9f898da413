package tmsp.mitigation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PatternDeployments extends JpaRepository<PatternDeployment, PatternDeployment.Key> {

    @Query("select d from PatternDeployment d where d.key.patternId = :patternId order by d.mitigationServer")
    List<PatternDeployment> findByPatternId(long patternId);

    /** What a mitigator should deploy: the released patterns that target it. */
    @Query("select d from PatternDeployment d, CleanupPattern p where d.key.productId = :productId "
            + "and p.id = d.key.patternId and p.status = tmsp.mitigation.internal.CleanupPattern.Status.RELEASED "
            + "order by p.id")
    List<PatternDeployment> findReleasedFor(long productId);
}
