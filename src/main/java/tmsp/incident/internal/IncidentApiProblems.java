package tmsp.incident.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The incident API's own failures as problem details; bad parameters are ErrorResponseExceptions already. */
@RestControllerAdvice(assignableTypes = IncidentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentApiProblems {

    @ExceptionHandler(IncidentNotFound.class)
    ProblemDetail notFound(IncidentNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalIncidentTransition.class)
    ProblemDetail conflict(IllegalIncidentTransition e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
