package tmsp.notification.internal;

import java.time.Duration;
import java.util.List;

/**
 * What the notifications go by: the days before a subscription ends that warn, the incident volume monitor and
 * the heartbeat interval (which the appliance module applies).
 */
record NotificationSettings(List<Integer> expiryWarningDays, int incidentWindowDays, int tooManyIncidents,
                            int tooFewIncidents, Duration heartbeatInterval) {

    NotificationSettings {
        expiryWarningDays = expiryWarningDays.stream().distinct().sorted((a, b) -> b - a).toList();
    }

    String summary() {
        return "expiry warnings " + expiryWarningDays + " days; too many > " + tooManyIncidents + ", too few < "
                + tooFewIncidents + " incidents over " + incidentWindowDays + " days; heartbeat every "
                + heartbeatInterval.toMinutes() + " min";
    }
}
