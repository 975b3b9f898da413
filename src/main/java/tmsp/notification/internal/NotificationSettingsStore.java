package tmsp.notification.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tmsp.appliance.HeartbeatInterval;
import tmsp.notification.NotificationEvents.NotificationSettingsChanged;

/**
 * The notification settings in use: the saved ones, else the configuration's. The heartbeat interval is kept
 * here and handed to the appliance module ({@link HeartbeatInterval}), at start-up and on every change, so the
 * appliance module needs nothing of this one.
 */
@Service
class NotificationSettingsStore {

    private final StoredNotificationSettingsRepository rows;
    private final NotificationProperties properties;
    private final HeartbeatInterval heartbeat;
    private final ApplicationEventPublisher events;

    NotificationSettingsStore(StoredNotificationSettingsRepository rows, NotificationProperties properties,
                              HeartbeatInterval heartbeat, ApplicationEventPublisher events) {
        this.rows = rows;
        this.properties = properties;
        this.heartbeat = heartbeat;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Optional<StoredNotificationSettings> stored() {
        return rows.findById(StoredNotificationSettings.THE_ONE);
    }

    @Transactional(readOnly = true)
    NotificationSettings current() {
        return current(stored());
    }

    NotificationSettings current(Optional<StoredNotificationSettings> stored) {
        return stored.map(StoredNotificationSettings::settings).orElseGet(() -> new NotificationSettings(
                properties.expiryWarningDays(), properties.incidentMonitor().days(),
                properties.incidentMonitor().tooMany(), properties.incidentMonitor().tooFew(), heartbeat.current()));
    }

    /** Stores the settings, applies the heartbeat interval and writes the change to the system log. */
    @Transactional
    void change(NotificationSettings next, String actor) {
        StoredNotificationSettings row = stored().orElseGet(StoredNotificationSettings::new);
        row.change(next, actor, Instant.now());
        rows.save(row);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                heartbeat.use(next.heartbeatInterval()); // only what was stored is applied
            }
        });
        events.publishEvent(new NotificationSettingsChanged(actor, next.summary()));
    }

    /** A saved heartbeat interval wins over the configuration's from the start. */
    @EventListener(ApplicationStartedEvent.class)
    void applySavedHeartbeatInterval() {
        stored().ifPresent(row -> heartbeat.use(row.settings().heartbeatInterval()));
    }
}
