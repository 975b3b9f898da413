package tmsp.appliance;

import java.time.Duration;

/**
 * How often appliances send a heartbeat, and so how long a product may be silent before it is overdue. It starts
 * as {@code tmsp.heartbeat.interval}; the notification settings (Administration › Notifications) set it here.
 */
public interface HeartbeatInterval {

    Duration current();

    /** Used from the next heartbeat answer and overdue check on. */
    void use(Duration interval);
}
