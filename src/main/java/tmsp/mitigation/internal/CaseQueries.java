package tmsp.mitigation.internal;

import java.util.List;
import org.springframework.data.repository.Repository;
import tmsp.mitigation.CaseStatus;

/** What the process's forms and the Patterns page ask of the cases, beside {@link MitigationCases}. */
interface CaseQueries extends Repository<MitigationCase, Long> {

    boolean existsByVendorCaseIdAndIdNot(String vendorCaseId, Long id);

    /** The cases in one status, oldest first (those waiting for a pattern, for the upload form). */
    List<MitigationCase> findByStatusOrderByIdAsc(CaseStatus status);
}
