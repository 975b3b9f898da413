package tmsp.correlation.authoring.backtest;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tmsp.correlation.RuleProblem;
import tmsp.ingest.ParseError;

/** A test that cannot be started or shown: a problem detail for the API, a message key and arguments for the page. */
class TestRefused extends ErrorResponseException {

    /** Pasted lines that do not parse are listed up to this many. */
    static final int LISTED_ERRORS = 100;

    private final String messageCode;
    private final Object[] arguments;

    private TestRefused(HttpStatus status, String detail, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    static TestRefused noDraft(long draftId) {
        return new TestRefused(HttpStatus.NOT_FOUND, "No rule set draft #" + draftId, "ruletest.refused.noDraft", String.valueOf(draftId));
    }

    static TestRefused noTest(long testId) {
        return new TestRefused(HttpStatus.NOT_FOUND, "No rule test " + testId, "ruletest.refused.noTest", String.valueOf(testId));
    }

    static TestRefused noAccount(long accountId) {
        return new TestRefused(HttpStatus.NOT_FOUND, "No account " + accountId, "ruletest.refused.noAccount", String.valueOf(accountId));
    }

    static TestRefused badInput(String detail, String messageCode, Object... arguments) {
        return new TestRefused(HttpStatus.BAD_REQUEST, detail, messageCode, arguments);
    }

    static TestRefused doesNotCompile(String label, List<RuleProblem> problems) {
        TestRefused refused = new TestRefused(HttpStatus.UNPROCESSABLE_ENTITY,
                label + " does not compile: " + problems.size() + " problem(s)", "ruletest.refused.doesNotCompile",
                label, problems.size());
        refused.getBody().setProperty("problems", problems.stream().map(p -> Map.of("file", p.file(),
                "line", p.line(), "column", p.column(), "message", p.message())).toList());
        return refused;
    }

    static TestRefused unparsedLines(List<ParseError> errors) {
        ParseError first = errors.get(0);
        TestRefused refused = new TestRefused(HttpStatus.BAD_REQUEST, errors.size()
                + " line(s) do not parse; the first, line " + first.lineNumber() + ": " + first.reason(),
                "ruletest.refused.unparsed", errors.size(), first.lineNumber(), first.reason());
        refused.getBody().setProperty("errors", errors.stream().limit(LISTED_ERRORS)
                .map(e -> Map.of("line", e.lineNumber(), "reason", e.reason())).toList());
        return refused;
    }

    static TestRefused busy() {
        return new TestRefused(HttpStatus.SERVICE_UNAVAILABLE, "Too many rule tests are waiting; try again later",
                "ruletest.refused.busy");
    }

    String messageCode() {
        return messageCode;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
