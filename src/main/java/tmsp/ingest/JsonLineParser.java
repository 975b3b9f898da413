package tmsp.ingest;

import java.util.Set;
import tmsp.ingest.internal.ParsePipeline;

/**
 * Parses NDJSON lines: one JSON object per line with the canonical field names (docs/LOG-FORMATS.md); other
 * keys go to the extra map. Thread-safe; never throws.
 */
public final class JsonLineParser implements DetectionParser {

    private final ParsePipeline pipeline;

    public JsonLineParser() {
        this(ParseOptions.defaults());
    }

    public JsonLineParser(ParseOptions options) {
        this.pipeline = new ParsePipeline(Set.of(LogFormat.JSON), options);
    }

    @Override
    public ParseOutcome parse(String line) {
        return pipeline.parse(line);
    }
}
