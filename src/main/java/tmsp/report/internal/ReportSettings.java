package tmsp.report.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tmsp.report.*}.
 *
 * @param retryCycle       how a failed mail is retried before it becomes a Camunda incident (ISO 8601 repetition)
 * @param top              hosts and threats a report lists
 * @param onDemandThreads  reports made on demand at once (each renders a PDF)
 * @param maxRange         the longest range an on-demand report or an archive may span
 * @param retention        how long reports are kept until an administrator chooses otherwise
 */
@ConfigurationProperties("tmsp.report")
record ReportSettings(@DefaultValue("R3/PT5M") String retryCycle, @DefaultValue("10") int top,
                      @DefaultValue("2") int onDemandThreads, @DefaultValue("P1Y") Period maxRange,
                      @DefaultValue("P1Y") Period retention, @DefaultValue("P90D") Period deletedAccountRetention) {
}
