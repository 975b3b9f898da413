package tmsp.mitigation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import tmsp.mitigation.CaseStatus;

/** A step the case's status does not allow (answered 409). */
class CaseStatusConflict extends ErrorResponseException {

    CaseStatusConflict(Long caseId, CaseStatus status) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Case " + caseId + " is " + status + ": that step is not possible now"), null);
    }
}
