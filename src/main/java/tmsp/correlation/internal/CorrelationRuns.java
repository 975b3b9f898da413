package tmsp.correlation.internal;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrelationRuns extends JpaRepository<CorrelationRun, Long> {

    List<CorrelationRun> findTop5ByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    Page<CorrelationRun> findAllByOrderByCreatedAtDescIdDesc(Pageable page);
}
