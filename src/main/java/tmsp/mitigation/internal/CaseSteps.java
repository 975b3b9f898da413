package tmsp.mitigation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseSteps extends JpaRepository<CaseStepEntry, Long> {

    List<CaseStepEntry> findByCaseIdOrderByAtAscIdAsc(long caseId);

    boolean existsByCaseIdAndStep(long caseId, tmsp.mitigation.CaseStep step);
}
