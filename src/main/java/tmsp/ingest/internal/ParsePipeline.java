package tmsp.ingest.internal;

import java.util.Set;
import tmsp.ingest.Detection;
import tmsp.ingest.LogFormat;
import tmsp.ingest.ParseError;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;
import tmsp.ingest.ParseOutcome;

/** The steps every parser shares: guard the line, find the payload, read it, and never let anything escape. */
public final class ParsePipeline {

    private final Set<LogFormat> accepted;
    private final ParseOptions options;
    private final JsonReader json;

    public ParsePipeline(Set<LogFormat> accepted, ParseOptions options) {
        this.accepted = Set.copyOf(accepted);
        this.options = options;
        this.json = new JsonReader(options);
    }

    public ParseOutcome parse(String line) {
        try {
            String text = LineGuard.check(line, options);
            Payload payload = PayloadLocator.locate(text, accepted, options);
            Detection.Builder builder = Detection.builder(payload.format()).raw(text);
            payload.prefixFields().forEach(builder::putExtra);
            switch (payload.format()) {
                case CEF -> CefReader.read(payload.body(), builder, options);
                case LEEF -> LeefReader.read(payload.body(), builder, options);
                case JSON -> json.read(payload.body(), builder);
                default -> throw new IllegalStateException("no reader for " + payload.format());
            }
            if (builder.eventTime() == null) {
                builder.eventTime(payload.prefixTime());
            }
            return builder.build();
        } catch (LineRejected rejected) {
            return rejected.toError();
        } catch (RuntimeException | StackOverflowError defect) {
            // A bug of ours, not the line's: report it as such instead of losing the line.
            return ParseError.of(ParseErrorCode.INTERNAL_ERROR,
                    "the parser failed on this line (" + defect.getClass().getSimpleName() + ")");
        }
    }
}
