package tmsp.ingest;

import java.util.EnumSet;
import tmsp.ingest.internal.ParsePipeline;

/**
 * The front parser: picks CEF, LEEF or JSON by the line's start ({@code CEF:}, {@code LEEF:}, <code>{</code>),
 * after stripping an RFC 5424 or RFC 3164 syslog header whose host, time and tags go to the extra map.
 * Thread-safe; never throws.
 */
public final class LineParser implements DetectionParser {

    private final ParsePipeline pipeline;

    public LineParser() {
        this(ParseOptions.defaults());
    }

    public LineParser(ParseOptions options) {
        this.pipeline = new ParsePipeline(EnumSet.allOf(LogFormat.class), options);
    }

    @Override
    public ParseOutcome parse(String line) {
        return pipeline.parse(line);
    }
}
