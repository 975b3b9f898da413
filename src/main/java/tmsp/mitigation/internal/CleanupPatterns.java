package tmsp.mitigation.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CleanupPatterns extends JpaRepository<CleanupPattern, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from CleanupPattern p where p.id = :id")
    Optional<CleanupPattern> lockById(long id);

    List<CleanupPattern> findByCaseIdOrderByIdDesc(long caseId);

    List<CleanupPattern> findByAccountIdOrderByIdDesc(long accountId);
}
