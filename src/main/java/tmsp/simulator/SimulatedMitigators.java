package tmsp.simulator;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The mitigators at work during a simulation: they send their status reports and samples when due and, when
 * asked, fetch the cleanup patterns offered to them, check each file's SHA-256 against the listing and report
 * the deployment: SUCCESS when it matches, FAILED "checksum mismatch" when it does not (a corrupted pattern).
 * Each revision is reported once per run; a re-issued pattern has a new revision and is fetched again.
 */
final class SimulatedMitigators {

    private final MitigatorTraffic traffic;
    private final PortalClient portal;
    private final SimulationReport report;
    private int nextReport;
    private int nextSample;
    /** The revision reported per mitigator and pattern ("index/patternId"). */
    private final Map<String, Integer> reported = new HashMap<>();

    SimulatedMitigators(MitigatorTraffic traffic, PortalClient portal, SimulationReport report) {
        this.traffic = traffic;
        this.portal = portal;
        this.report = report;
    }

    /** Sends the reports and samples due up to {@code now}, in time order. */
    void sendDue(Map<SimulatedAppliance, String> tokens, Instant now) throws InterruptedException {
        List<MitigatorTraffic.StatusReport> reports = traffic.reports();
        List<MitigatorTraffic.ForensicSample> samples = traffic.samples();
        while (true) {
            boolean reportDue = nextReport < reports.size() && !reports.get(nextReport).due().isAfter(now);
            boolean sampleDue = nextSample < samples.size() && !samples.get(nextSample).due().isAfter(now);
            if (reportDue && (!sampleDue || !samples.get(nextSample).due().isBefore(reports.get(nextReport).due()))) {
                send(tokens, reports.get(nextReport++));
            } else if (sampleDue) {
                upload(tokens, samples.get(nextSample++));
            } else {
                return;
            }
        }
    }

    /** When the last report or sample is due; null when there is none. */
    Instant lastDue() {
        Instant last = null;
        if (!traffic.reports().isEmpty()) {
            last = traffic.reports().get(traffic.reports().size() - 1).due();
        }
        if (!traffic.samples().isEmpty()) {
            Instant sample = traffic.samples().get(traffic.samples().size() - 1).due();
            last = last == null || sample.isAfter(last) ? sample : last;
        }
        return last;
    }

    private void send(Map<SimulatedAppliance, String> tokens, MitigatorTraffic.StatusReport status)
            throws InterruptedException {
        String token = tokens.get(status.mitigator());
        if (token == null) {
            report.statusEntriesUnsent += status.entries().size();
            return;
        }
        PortalClient.StatusResult result = portal.reportStatuses(token, status.entries());
        report.statusReports++;
        if (result.failed()) {
            report.failedStatusReports++;
            report.statusEntriesUnsent += status.entries().size();
            report.problem("Status report of " + status.mitigator().hostname() + ": " + result.failure());
            return;
        }
        report.statusesAccepted += result.accepted();
        report.statusesRejected += result.rejections().size();
        for (String rejection : result.rejections()) {
            report.problem("Status report of " + status.mitigator().hostname() + " refused " + rejection);
        }
    }

    private void upload(Map<SimulatedAppliance, String> tokens, MitigatorTraffic.ForensicSample sample)
            throws InterruptedException {
        String token = tokens.get(sample.mitigator());
        if (token == null) {
            report.failedSamples++;
            return;
        }
        PortalClient.SampleResult result = portal.uploadSample(token, sample.endpoint().address(),
                sample.endpoint().name(), sample.fileName(), sample.zip());
        if (result.failed()) {
            report.failedSamples++;
            report.problem("Sample " + sample.fileName() + " of " + sample.mitigator().hostname() + ": " + result.failure());
            return;
        }
        report.samples++;
        report.caseIds.add(result.caseId());
        if (result.size() != sample.zip().length || !sha256(sample.zip()).equalsIgnoreCase(result.sha256())) {
            report.problem("Sample " + sample.fileName() + " arrived as " + result.size() + " bytes, SHA-256 "
                    + result.sha256() + ", not as sent");
        }
    }

    /** Every mitigator fetches the patterns offered to it and reports those it has not reported yet. */
    void pollPatterns(Map<SimulatedAppliance, String> tokens) throws InterruptedException {
        for (Map.Entry<SimulatedAppliance, String> entry : tokens.entrySet()) {
            SimulatedAppliance mitigator = entry.getKey();
            if (mitigator.discovery()) {
                continue;
            }
            try {
                for (PortalClient.OfferedPattern pattern : portal.patterns(entry.getValue())) {
                    String key = mitigator.index() + "/" + pattern.patternId();
                    if (!Integer.valueOf(pattern.revision()).equals(reported.get(key))) {
                        deploy(mitigator, entry.getValue(), pattern, key);
                    }
                }
            } catch (IOException e) {
                report.patternFailures++;
                report.problem("Patterns of " + mitigator.hostname() + ": " + e.getMessage());
            }
        }
    }

    private void deploy(SimulatedAppliance mitigator, String token, PortalClient.OfferedPattern pattern, String key)
            throws IOException, InterruptedException {
        byte[] file = portal.patternFile(token, pattern);
        report.patternsFetched++;
        String sha256 = sha256(file);
        boolean intact = sha256.equalsIgnoreCase(pattern.sha256());
        String detail = intact ? "Deployed " + pattern.fileName() + " (" + file.length + " bytes, SHA-256 verified)"
                : "checksum mismatch: got SHA-256 " + sha256 + ", the portal lists " + pattern.sha256();
        int status = portal.reportDeployment(token, pattern.patternId(), pattern.revision(), intact, detail);
        if (status == 409) {
            // Re-issued between the listing and the report: the next poll fetches the new revision.
            return;
        }
        if (status != 200) {
            report.patternFailures++;
            report.problem("Deployment report of pattern " + pattern.patternId() + " by " + mitigator.hostname()
                    + " answered " + status);
            return;
        }
        reported.put(key, pattern.revision());
        if (intact) {
            report.deployed++;
        } else {
            report.deploymentsFailed++;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
