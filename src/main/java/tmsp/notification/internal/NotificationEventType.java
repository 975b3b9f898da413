package tmsp.notification.internal;

import java.util.List;

/**
 * The kinds of events an account's recipients can be told about (Configure Notifications). Each names the
 * details its mail shows, in the order of its message's arguments {1}, {2}... ({0} is the account's name).
 */
enum NotificationEventType {
    /** Correlation found a malware outbreak: containment is triggered. Links to the incident. */
    OUTBREAK("title", "hosts", "incidentId"),
    /** A registered product sent no heartbeat within the interval. */
    HEARTBEAT_MISSING("hostname", "lastHeartbeat"),
    /** The service subscription ends within one of the configured warning days. */
    SUBSCRIPTION_EXPIRING("validTo", "daysLeft"),
    /** A registered product's own subscription ends within one of the configured warning days. */
    PRODUCT_SUBSCRIPTION_EXPIRING("hostname", "validTo", "daysLeft"),
    /** More incidents over the monitored days than the threshold. */
    TOO_MANY_INCIDENTS("count", "days", "threshold"),
    /** Fewer incidents over the monitored days than the threshold (have the appliances gone quiet?). */
    TOO_FEW_INCIDENTS("count", "days", "threshold"),
    /** A mitigator uploaded a threat sample: a case waits for an administrator's review. Links to the case. */
    THREAT_SAMPLE_READY("mitigationServer", "endpoint", "caseId");

    private final List<String> detailKeys;

    NotificationEventType(String... detailKeys) {
        this.detailKeys = List.of(detailKeys);
    }

    List<String> detailKeys() {
        return detailKeys;
    }
}
