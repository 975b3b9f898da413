package tmsp.mitigation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface MitigationCases extends JpaRepository<MitigationCase, Long> {

    /** The case, locked for a step (two nodes, or a mitigator and an administrator, may act at once). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from MitigationCase c where c.id = :id")
    Optional<MitigationCase> lockById(long id);

    List<MitigationCase> findByAccountId(long accountId);
}
