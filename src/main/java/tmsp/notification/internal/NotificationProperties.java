package tmsp.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tmsp.notification.*}: the mail server to use until an administrator sets one in the portal, and how
 * long a mail server may take to answer.
 */
@ConfigurationProperties("tmsp.notification")
record NotificationProperties(@DefaultValue Smtp smtp) {

    record Smtp(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                @DefaultValue("NONE") SmtpSecurity security, @DefaultValue("tmsp@localhost") String sender,
                String username, String password, @DefaultValue("10s") java.time.Duration timeout) {

        SmtpSettings settings() {
            return new SmtpSettings(host, port, security, sender, blankToNull(username), blankToNull(password));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }
}
