package tmsp.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.stereotype.Component;

/**
 * Sends one mail through a mail server with the given settings and reports the server's answer. Settings are
 * read for every mail, so a change an administrator saves is used by the next one; every wait is bounded.
 */
@Component
class MailTransport {

    private final NotificationProperties properties;

    MailTransport(NotificationProperties properties) {
        this.properties = properties;
    }

    /** Sends the message {@code compose} builds in the server's session; never throws for a mail that failed. */
    MailDelivery send(SmtpSettings settings, Function<Session, MimeMessage> compose) {
        String protocol = settings.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
        Session session = Session.getInstance(sessionProperties(settings, protocol));
        try {
            MimeMessage message = compose.apply(session);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(), settings.username(),
                        settings.logsOn() ? settings.password() : null);
                transport.sendMessage(message, message.getAllRecipients());
                return new MailDelivery(true, lastAnswer(transport));
            }
        } catch (MessagingException | MailCompositionFailed e) {
            return new MailDelivery(false, reason(e));
        }
    }

    private Properties sessionProperties(SmtpSettings settings, String protocol) {
        String prefix = "mail." + protocol + ".";
        String timeout = String.valueOf(properties.smtp().timeout().toMillis());
        Properties session = new Properties();
        session.put(prefix + "host", settings.host());
        session.put(prefix + "port", String.valueOf(settings.port()));
        session.put(prefix + "auth", String.valueOf(settings.logsOn()));
        session.put(prefix + "connectiontimeout", timeout);
        session.put(prefix + "timeout", timeout);
        session.put(prefix + "writetimeout", timeout);
        if (settings.security() == SmtpSecurity.STARTTLS) {
            session.put(prefix + "starttls.enable", "true");
            session.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != SmtpSecurity.NONE) {
            session.put(prefix + "ssl.checkserveridentity", "true");
        }
        return session;
    }

    private static String lastAnswer(Transport transport) {
        String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        return answer == null ? "" : answer.strip();
    }

    /** The failure and its causes in one line: "Couldn't connect to host ... (Connection refused)". */
    private static String reason(Exception e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage().strip())) {
                reason.append(" (").append(cause.getMessage().strip()).append(')');
            }
        }
        return reason.toString();
    }

    /** Thrown by a composer that cannot build its message; reported like a failed send. */
    static final class MailCompositionFailed extends RuntimeException {
        MailCompositionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
