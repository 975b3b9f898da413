package tmsp.mitigation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such case (answered 404). */
class CaseNotFound extends ErrorResponseException {

    CaseNotFound(long caseId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + caseId), null);
    }
}
