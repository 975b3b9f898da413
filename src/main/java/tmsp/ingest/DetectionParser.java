package tmsp.ingest;

/** Turns one line into a detection or a parse error; implementations never throw. */
public interface DetectionParser {

    ParseOutcome parse(String line);

    /** Same as {@link #parse(String)}, with the line number put on a parse error. */
    default ParseOutcome parse(String line, long lineNumber) {
        ParseOutcome outcome = parse(line);
        return outcome instanceof ParseError error ? error.atLine(lineNumber) : outcome;
    }
}
