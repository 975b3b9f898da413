package tmsp.ingest.internal;

import tmsp.ingest.ParseError;
import tmsp.ingest.ParseErrorCode;

/**
 * Thrown inside the parsers to abandon a line; the public parsers turn it into a {@link ParseError}.
 * Carries no stack trace: rejecting hostile input must stay cheap.
 */
final class LineRejected extends RuntimeException {

    private final ParseErrorCode code;

    LineRejected(ParseErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    ParseError toError() {
        return ParseError.of(code, getMessage());
    }
}
