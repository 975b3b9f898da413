package tmsp.notification.internal;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of the sending job, {@code tmsp.notification.retry-cycle}, read by event-notification.bpmn as
 * {@code ${notificationRetries.cycle}}. Public: the expression language reads it by reflection.
 */
@Component("notificationRetries")
public class NotificationRetries {

    private final String cycle;

    NotificationRetries(NotificationProperties properties) {
        this.cycle = properties.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
