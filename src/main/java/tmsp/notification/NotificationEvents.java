package tmsp.notification;

/** What happens to notification settings and mail, published for the system log. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** An administrator changed the mail server (the password itself is never part of an event). */
    public record SmtpServerChanged(String actor, String host, int port, String security, String sender,
                                    boolean passwordChanged) {
    }

    /** An administrator sent a test mail; {@code answer} is the server's last reply or why it failed. */
    public record TestMailSent(String actor, String recipient, boolean delivered, String answer) {
    }

    /** An administrator changed the notification settings; {@code summary} lists the new values. */
    public record NotificationSettingsChanged(String actor, String summary) {
    }

    /** An administrator changed who of an account's recipients get which notification. */
    public record NotificationSubscriptionsChanged(String actor, long accountId, String summary) {
    }
}
