package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Unwraps parse outcomes in tests, failing with the other side's content when it is not what was expected. */
final class Outcomes {

    private Outcomes() {
    }

    static Detection detection(ParseOutcome outcome) {
        if (outcome instanceof Detection detection) {
            return detection;
        }
        return fail("expected a detection but got " + outcome);
    }

    static ParseError error(ParseOutcome outcome) {
        if (outcome instanceof ParseError error) {
            assertThat(error.reason()).isNotBlank();
            return error;
        }
        return fail("expected a parse error but got " + outcome);
    }

    static ParseErrorCode code(ParseOutcome outcome) {
        return error(outcome).code();
    }
}
