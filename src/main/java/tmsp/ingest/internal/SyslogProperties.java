package tmsp.ingest.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The syslog listeners (camel-routes/appliance-syslog.yaml): where they listen, how long a message may be,
 * and how received messages are batched into the database. {@code queueCapacity} bounds what is held in
 * memory: past it a TCP sender is slowed down (back-pressure), a UDP datagram is counted as dropped.
 */
@ConfigurationProperties("tmsp.syslog")
record SyslogProperties(boolean enabled, String bindAddress, int port, int maxMessageLength, int queueCapacity,
                        int batchSize, Duration flushInterval) {
}
