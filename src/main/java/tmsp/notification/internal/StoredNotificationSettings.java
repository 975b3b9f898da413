package tmsp.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** The notification settings an administrator saved: one row. */
@Entity
@Table(name = "notification_settings")
class StoredNotificationSettings {

    static final short THE_ONE = 1;

    @Id
    private short id = THE_ONE;
    @Column(name = "expiry_warning_days")
    private String expiryWarningDays;
    @Column(name = "incident_window_days")
    private int incidentWindowDays;
    @Column(name = "too_many_incidents")
    private int tooManyIncidents;
    @Column(name = "too_few_incidents")
    private int tooFewIncidents;
    @Column(name = "heartbeat_interval_secs")
    private int heartbeatIntervalSecs;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    void change(NotificationSettings next, String actor, Instant now) {
        expiryWarningDays = String.join(",", next.expiryWarningDays().stream().map(String::valueOf).toList());
        incidentWindowDays = next.incidentWindowDays();
        tooManyIncidents = next.tooManyIncidents();
        tooFewIncidents = next.tooFewIncidents();
        heartbeatIntervalSecs = Math.toIntExact(next.heartbeatInterval().toSeconds());
        updatedBy = actor;
        updatedAt = now;
    }

    NotificationSettings settings() {
        return new NotificationSettings(Arrays.stream(expiryWarningDays.split(",")).map(Integer::valueOf).toList(),
                incidentWindowDays, tooManyIncidents, tooFewIncidents, Duration.ofSeconds(heartbeatIntervalSecs));
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
