package tmsp.notification.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tmsp.notification.*}: the mail server to use until an administrator sets one in the portal, and how
 * long a mail server may take to answer; the notification settings until an administrator saves them; where the
 * portal is for the links in mail, and how a notification that could not be sent is retried.
 *
 * @param retryCycle a Camunda retry time cycle for the sending job, e.g. {@code R3/PT1M}: then an incident
 */
@ConfigurationProperties("tmsp.notification")
record NotificationProperties(@DefaultValue Smtp smtp,
                              @DefaultValue({"30", "15", "10", "5", "3", "1"}) List<Integer> expiryWarningDays,
                              @DefaultValue Monitor incidentMonitor,
                              @DefaultValue("http://localhost:8080") String portalUrl,
                              @DefaultValue("R3/PT1M") String retryCycle) {

    record Smtp(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                @DefaultValue("NONE") SmtpSecurity security, @DefaultValue("tmsp@localhost") String sender,
                String username, String password, @DefaultValue("10s") Duration timeout) {

        SmtpSettings settings() {
            return new SmtpSettings(host, port, security, sender, blankToNull(username), blankToNull(password));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    /** Too many: more than {@code tooMany} incidents over {@code days}; too few: fewer than {@code tooFew}. */
    record Monitor(@DefaultValue("7") int days, @DefaultValue("50") int tooMany, @DefaultValue("1") int tooFew) {
    }
}
