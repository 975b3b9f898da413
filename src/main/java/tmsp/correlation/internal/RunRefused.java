package tmsp.correlation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A run that cannot be requested or shown: a problem detail for the API, a message key for the pages. */
class RunRefused extends ErrorResponseException {

    private final String messageCode;
    private final String argument;

    RunRefused(HttpStatus status, String detail, String messageCode, String argument) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        this.messageCode = messageCode;
        this.argument = argument;
    }

    static RunRefused noAccount(long accountId) {
        return new RunRefused(HttpStatus.NOT_FOUND, "No account " + accountId, "correlation.run.noAccount",
                String.valueOf(accountId));
    }

    static RunRefused noRun(long runId) {
        return new RunRefused(HttpStatus.NOT_FOUND, "No correlation run " + runId, "correlation.run.noRun",
                String.valueOf(runId));
    }

    static RunRefused badDay(String day) {
        return new RunRefused(HttpStatus.BAD_REQUEST, "day must be a date written YYYY-MM-DD, not '" + day + "'",
                "correlation.run.badDay", day);
    }

    static RunRefused futureDay(String day) {
        return new RunRefused(HttpStatus.BAD_REQUEST, "day " + day + " is in the future: there is nothing to correlate yet",
                "correlation.run.futureDay", day);
    }

    String messageCode() {
        return messageCode;
    }

    String argument() {
        return argument;
    }
}
