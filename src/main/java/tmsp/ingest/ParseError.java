package tmsp.ingest;

import java.util.Objects;

/**
 * Why a line could not become a detection.
 *
 * @param code       short machine code
 * @param reason     one sentence for people; never blank, input quoted only in short, printable snippets
 * @param lineNumber 1-based line number when the caller knows it, else null
 */
public record ParseError(ParseErrorCode code, String reason, Long lineNumber) implements ParseOutcome {

    public ParseError {
        Objects.requireNonNull(code, "code");
        if (reason == null || reason.isBlank()) {
            reason = code.name();
        }
    }

    public static ParseError of(ParseErrorCode code, String reason) {
        return new ParseError(code, reason, null);
    }

    public ParseError atLine(long number) {
        return new ParseError(code, reason, number);
    }
}
