package tmsp.audit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the system log. Written once, never changed. */
@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String target;
    private String details;
    private String sourceAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, String target, String details,
               String sourceAddress) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor, 64);
        this.action = action.name();
        this.target = clip(target, 255);
        this.details = clip(details, 1000);
        this.sourceAddress = clip(sourceAddress, 64);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetails() { return details; }
    public String getSourceAddress() { return sourceAddress; }
}
