package tmsp.notification.internal;

import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceEvents.HeartbeatOverdue;
import tmsp.correlation.CorrelationEvents.CorrelationFinished;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.mitigation.ThreatSampleReady;

/**
 * The events of other modules that become notifications. Each listener runs after the change committed, in a
 * transaction of its own, through the event publication registry: one that fails is resubmitted at start-up.
 */
@Component
class NotificationSources {

    static final String OUTBREAK_RULE = "malware-outbreak";

    private final NotificationOccurrences occurrences;
    private final IncidentVolumeCheck volume;

    NotificationSources(NotificationOccurrences occurrences, IncidentVolumeCheck volume) {
        this.occurrences = occurrences;
        this.volume = volume;
    }

    /** Outbreak containment triggered: once per outbreak incident (it is raised once). */
    @ApplicationModuleListener
    void on(IncidentRaised raised) {
        if (OUTBREAK_RULE.equals(raised.ruleId())) {
            occurrences.raise(raised.accountId(), NotificationEventType.OUTBREAK, "outbreak:" + raised.incidentId(),
                    Map.of("title", raised.title(), "hosts", String.join(", ", raised.hosts()),
                            "incidentId", String.valueOf(raised.incidentId())));
        }
    }

    /** The appliance module says it once per silence (until the product is heard again). */
    @ApplicationModuleListener
    void on(HeartbeatOverdue overdue) {
        String last = overdue.lastHeartbeat() == null ? "never" : overdue.lastHeartbeat().toString();
        occurrences.raise(overdue.accountId(), NotificationEventType.HEARTBEAT_MISSING,
                "heartbeat:" + overdue.productId() + ":" + last,
                Map.of("hostname", overdue.hostname(), "lastHeartbeat", last));
    }

    /** The mitigation process announces each case's sample once. */
    @ApplicationModuleListener
    void on(ThreatSampleReady ready) {
        occurrences.raise(ready.accountId(), NotificationEventType.THREAT_SAMPLE_READY, "threat-sample:" + ready.caseId(),
                Map.of("mitigationServer", ready.mitigationServer(), "endpoint", ready.endpoint(),
                        "caseId", String.valueOf(ready.caseId())));
    }

    /** After each correlation run the account's incident volume is looked at again. */
    @ApplicationModuleListener
    void on(CorrelationFinished finished) {
        volume.check(finished.accountId());
    }
}
