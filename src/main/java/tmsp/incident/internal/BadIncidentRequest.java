package tmsp.incident.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A parameter of an incident query that cannot be used; the API answers it as a 400 problem detail. */
class BadIncidentRequest extends ErrorResponseException {

    private final String parameter;

    BadIncidentRequest(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
        this.parameter = parameter;
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    String parameter() {
        return parameter;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
