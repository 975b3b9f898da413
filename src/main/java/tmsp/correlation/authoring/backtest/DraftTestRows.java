package tmsp.correlation.authoring.backtest;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The rule_draft_tests rows. */
interface DraftTestRows extends JpaRepository<DraftTest, Long> {

    Optional<DraftTest> findFirstByDraftIdOrderByCreatedAtDescIdDesc(long draftId);

    java.util.List<DraftTest> findTop10ByDraftIdOrderByCreatedAtDescIdDesc(long draftId);

    /** Ends the tests a stopped node left waiting or running. */
    @Modifying
    @Query("update DraftTest t set t.status = tmsp.correlation.authoring.backtest.TestStatus.FAILED, t.error = :reason,"
            + " t.finishedAt = :now where t.status in :statuses")
    int failAll(@Param("statuses") Collection<TestStatus> statuses, @Param("reason") String reason,
                @Param("now") Instant now);

    @Query("select t.cancelRequested from DraftTest t where t.id = :id")
    boolean cancelRequested(@Param("id") long id);
}
