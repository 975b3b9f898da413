package tmsp.mitigation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A pattern step its status does not allow (answered 409). */
class PatternStatusConflict extends ErrorResponseException {

    PatternStatusConflict(Long patternId, CleanupPattern.Status status) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Pattern " + patternId + " is " + status + ": that step is not possible now"), null);
    }
}
