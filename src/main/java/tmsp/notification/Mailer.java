package tmsp.notification;

import java.util.List;

/**
 * Sends mail through the mail server an administrator configured (Administration › Mail server) and records
 * every attempt in the delivery log shown on the account. Other modules (reports, notifications) send
 * through this and nothing else.
 */
public interface Mailer {

    /**
     * Sends one mail now and logs the attempt, delivered or not.
     *
     * @return the server's answer, e.g. {@code 250 2.0.0 OK}
     * @throws MailNotDelivered when no server is configured, it is away or it refused the mail; the caller
     *                          retries (a BPMN job with a retry cycle), so a failed mail is never dropped here
     */
    String send(OutgoingMail mail);

    /**
     * @param accountId the account the mail is about, or null for mail about no account (a test mail)
     * @param purpose   what it is, for the delivery log: a report type or a notification event type
     * @param html      the body as HTML, already in the recipient's language
     */
    record OutgoingMail(Long accountId, String purpose, String recipient, String subject, String html,
                        List<Attachment> attachments) {

        public OutgoingMail {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    record Attachment(String filename, String contentType, byte[] content) {
    }

    /** The mail did not reach the server; {@code answer} says why (the server's reply or the connection error). */
    class MailNotDelivered extends RuntimeException {

        private final String answer;

        public MailNotDelivered(String recipient, String answer) {
            super("Mail to " + recipient + " was not delivered: " + answer);
            this.answer = answer;
        }

        public String answer() {
            return answer;
        }
    }
}
