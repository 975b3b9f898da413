package tmsp.mitigation.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tmsp.mitigation.*}.
 *
 * @param storage         the folder forensic samples and cleanup patterns are kept in (files only, never unpacked)
 * @param maxSampleSize   the largest forensic sample accepted (413 above it, and nothing kept)
 * @param maxPatternSize  the largest cleanup pattern file accepted
 * @param maxStatusBatch  the most entries one endpoint status report may hold
 * @param vendorEndpoint  where samples go to the vendor: a Camel endpoint URI ({@code file:} drop folder, or
 *                        {@code http(s):} upload)
 * @param vendorRetries   how often the route tries the vendor again before the process step fails
 * @param retryCycle      a Camunda retry time cycle for the process's automatic steps, then an incident
 */
@ConfigurationProperties("tmsp.mitigation")
record MitigationProperties(@DefaultValue("./data/mitigation") Path storage,
                            @DefaultValue("200MB") DataSize maxSampleSize,
                            @DefaultValue("50MB") DataSize maxPatternSize,
                            @DefaultValue("1000") int maxStatusBatch,
                            @DefaultValue("file:./data/vendor-dropbox") String vendorEndpoint,
                            @DefaultValue("3") int vendorRetries,
                            @DefaultValue("R3/PT5M") String retryCycle) {
}
