package tmsp.ingest;

import java.util.Set;
import tmsp.ingest.internal.ParsePipeline;

/** Parses LEEF 1.0 and 2.0 lines, with or without a syslog header in front. Thread-safe; never throws. */
public final class LeefParser implements DetectionParser {

    private final ParsePipeline pipeline;

    public LeefParser() {
        this(ParseOptions.defaults());
    }

    public LeefParser(ParseOptions options) {
        this.pipeline = new ParsePipeline(Set.of(LogFormat.LEEF), options);
    }

    @Override
    public ParseOutcome parse(String line) {
        return pipeline.parse(line);
    }
}
