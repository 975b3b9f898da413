package tmsp.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a simulation sent and what the portal answered; filled while it runs, read when it is done. */
public final class SimulationReport {

    private final Plan plan;
    int registered;
    int registrationFailures;
    int heartbeats;
    int heartbeatFailures;
    int uploads;
    int retries;
    int replayed;
    int failedUploads;
    long httpLines;
    long accepted;
    long rejected;
    long syslogLines;
    long unsent;
    int statusReports;
    int failedStatusReports;
    long statusesAccepted;
    long statusesRejected;
    long statusEntriesUnsent;
    int samples;
    int failedSamples;
    final List<Long> caseIds = new ArrayList<>();
    int patternsFetched;
    int deployed;
    int deploymentsFailed;
    int patternFailures;
    Duration took = Duration.ZERO;
    /** Each problem once, with how often it happened. */
    private final Map<String, Integer> problems = new LinkedHashMap<>();

    SimulationReport(Plan plan) {
        this.plan = plan;
    }

    /** What was to be sent, and planted in it. */
    public Plan plan() { return plan; }
    public int registered() { return registered; }
    public int registrationFailures() { return registrationFailures; }
    public int heartbeats() { return heartbeats; }
    public int heartbeatFailures() { return heartbeatFailures; }
    public int uploads() { return uploads; }
    public int retries() { return retries; }
    public long httpLines() { return httpLines; }
    public long accepted() { return accepted; }
    public long rejected() { return rejected; }
    public long syslogLines() { return syslogLines; }
    /** Lines not delivered: their appliance did not register, or the upload or the syslog connection failed. */
    public long unsent() { return unsent; }
    /** Endpoint status reports the mitigators sent, and what the portal made of their entries. */
    public int statusReports() { return statusReports; }
    public long statusesAccepted() { return statusesAccepted; }
    public long statusesRejected() { return statusesRejected; }
    /** Forensic samples the portal took, and the cases it made of them. */
    public int samples() { return samples; }
    public Duration took() { return took; }
    public List<Long> caseIds() { return List.copyOf(caseIds); }
    /** Pattern files downloaded, and deployments reported as SUCCESS and as FAILED (checksum mismatch). */
    public int patternsFetched() { return patternsFetched; }
    public int deployed() { return deployed; }
    public int deploymentsFailed() { return deploymentsFailed; }
    public List<String> problems() {
        return problems.entrySet().stream()
                .map(p -> p.getValue() == 1 ? p.getKey() : p.getKey() + " (" + p.getValue() + " times)").toList();
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    void problem(String problem) {
        // The first few kinds say what went wrong; hundreds of them would drown the summary.
        if (problems.size() < 20 || problems.containsKey(problem)) {
            problems.merge(problem, 1, Integer::sum);
        }
    }

    public String text() {
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        StringBuilder text = new StringBuilder(String.format(
                "Sent in %.1f s: %d appliances registered (%d refused), %d heartbeats (%d refused);%n"
                        + "  HTTP: %d lines in %d uploads (%d retries, %d replayed, %d failed) -> %d accepted, %d rejected;%n"
                        + "  syslog: %d lines; not sent: %d; %.0f lines/s%n",
                seconds, registered, registrationFailures, heartbeats, heartbeatFailures, httpLines, uploads, retries,
                replayed, failedUploads, accepted, rejected, syslogLines, unsent, (httpLines + syslogLines) / seconds));
        if (plan.mitigation() != null && plan.mitigation().mitigators() > 0) {
            text.append(String.format("  mitigators: %d status reports (%d failed) -> %d entries accepted, %d rejected,"
                            + " %d not sent; %d samples taken (%d failed, cases %s);%n"
                            + "  patterns: %d fetched, %d deployed, %d failed (checksum mismatch), %d problems%n",
                    statusReports, failedStatusReports, statusesAccepted, statusesRejected, statusEntriesUnsent, samples,
                    failedSamples, caseIds, patternsFetched, deployed, deploymentsFailed, patternFailures));
        }
        for (String problem : problems()) {
            text.append("  problem: ").append(problem).append(System.lineSeparator());
        }
        return text.toString();
    }
}
