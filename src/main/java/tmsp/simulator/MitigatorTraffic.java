package tmsp.simulator;

import java.time.Instant;
import java.util.List;
import tmsp.mitigation.EndpointStatus;

/** What the simulated mitigators send: endpoint status reports and forensic samples, each due at its time. */
record MitigatorTraffic(List<StatusReport> reports, List<ForensicSample> samples, Plan.Mitigation plan) {

    /** One endpoint as a mitigator saw it at {@code time}. */
    public record EndpointReport(String ip, String hostname, EndpointStatus status, String threat, Instant time) {
    }

    /** One batch of endpoint statuses of one mitigator, sent at {@code due}. */
    public record StatusReport(SimulatedAppliance mitigator, Instant due, List<EndpointReport> entries) {
        public StatusReport {
            entries = List.copyOf(entries);
        }
    }

    /** The zip an agent collected on an endpoint, uploaded by its mitigator at {@code due}. */
    public record ForensicSample(SimulatedAppliance mitigator, Instant due, Host endpoint, String threat,
                                 String fileName, byte[] zip) {
    }

    public MitigatorTraffic {
        reports = List.copyOf(reports);
        samples = List.copyOf(samples);
    }

    static MitigatorTraffic none() {
        return new MitigatorTraffic(List.of(), List.of(), null);
    }
}
