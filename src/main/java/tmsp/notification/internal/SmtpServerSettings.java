package tmsp.notification.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.notification.NotificationEvents.SmtpServerChanged;

/** The mail server in use: the one an administrator set, else the one of the configuration. */
@Service
class SmtpServerSettings {

    private final SmtpServers servers;
    private final NotificationProperties properties;
    private final ApplicationEventPublisher events;

    SmtpServerSettings(SmtpServers servers, NotificationProperties properties, ApplicationEventPublisher events) {
        this.servers = servers;
        this.properties = properties;
        this.events = events;
    }

    @Transactional(readOnly = true)
    SmtpSettings current() {
        return current(stored());
    }

    /** The settings in use, given what {@link #stored()} answered. */
    SmtpSettings current(Optional<SmtpServer> stored) {
        return stored.map(SmtpServer::settings).orElseGet(() -> properties.smtp().settings());
    }

    @Transactional(readOnly = true)
    Optional<SmtpServer> stored() {
        return servers.findById(SmtpServer.THE_ONE);
    }

    /** Stores the settings (a blank password keeps the stored one) and writes the change to the system log. */
    @Transactional
    void change(SmtpSettings next, String actor) {
        SmtpServer server = stored().orElseGet(SmtpServer::new);
        boolean passwordChanged = server.change(next, actor, Instant.now());
        servers.save(server);
        events.publishEvent(new SmtpServerChanged(actor, next.host(), next.port(), next.security().name(),
                next.sender(), passwordChanged));
    }
}
