package tmsp.mitigation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No case with this id, or none the caller may see: both answer 404 alike, so a case number tells another
 * account's customer nothing. Pages show the 404 page, the API a problem detail.
 */
class CaseNotFound extends ErrorResponseException {

    CaseNotFound(long caseId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + caseId), null);
    }
}
