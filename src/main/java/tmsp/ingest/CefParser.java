package tmsp.ingest;

import java.util.Set;
import tmsp.ingest.internal.ParsePipeline;

/**
 * Parses CEF lines ({@code CEF:0|Vendor|Product|Version|EventId|Name|Severity|Extension}), with or without a
 * syslog header in front. Thread-safe; never throws.
 */
public final class CefParser implements DetectionParser {

    private final ParsePipeline pipeline;

    public CefParser() {
        this(ParseOptions.defaults());
    }

    public CefParser(ParseOptions options) {
        this.pipeline = new ParsePipeline(Set.of(LogFormat.CEF), options);
    }

    @Override
    public ParseOutcome parse(String line) {
        return pipeline.parse(line);
    }
}
