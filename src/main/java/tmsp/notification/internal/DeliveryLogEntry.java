package tmsp.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to send one mail, as the delivery log shows it. Written once, never changed. */
@Entity
@Table(name = "mail_deliveries")
class DeliveryLogEntry {

    static final int SUBJECT_MAX = 500;
    static final int ANSWER_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private Long accountId;
    private String purpose;
    @Column(name = "correlation_key")
    private String correlationKey;
    private String recipient;
    private String subject;
    @Column(name = "attempted_at")
    private Instant attemptedAt;
    private boolean delivered;
    private String answer;

    protected DeliveryLogEntry() {
    }

    DeliveryLogEntry(Long accountId, String purpose, String correlationKey, String recipient, String subject,
                     Instant attemptedAt, boolean delivered, String answer) {
        this.accountId = accountId;
        this.purpose = cut(purpose, 100);
        this.correlationKey = correlationKey == null ? null : cut(correlationKey, 200);
        this.recipient = cut(recipient, 320);
        this.subject = cut(subject, SUBJECT_MAX);
        this.attemptedAt = attemptedAt;
        this.delivered = delivered;
        this.answer = cut(answer, ANSWER_MAX);
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getPurpose() { return purpose; }
    public String getCorrelationKey() { return correlationKey; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public Instant getAttemptedAt() { return attemptedAt; }
    public boolean isDelivered() { return delivered; }
    public String getAnswer() { return answer; }
}
