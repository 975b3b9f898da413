package tmsp.ingest;

/** What parsing one line gives: a {@link Detection} or a {@link ParseError}, never an exception. */
public sealed interface ParseOutcome permits Detection, ParseError {
}
