package tmsp.incident.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentStatus;
import tmsp.incident.IncidentSuppression;

/**
 * One episode of one rule for one grouping of one account. Findings widen it ({@link #absorb}); people move it
 * through its life cycle. A resolved incident that gains evidence stays resolved: the resolution was a person's
 * decision, and a nightly rerun must not undo it. Evidence beyond the episode gap becomes a new incident anyway.
 */
@Entity
@Table(name = "incidents")
class Incident {

    /** Column widths (V9): longer titles and groupings are cut, never refused. */
    static final int TITLE_LENGTH = 500;
    static final int GROUPING_LENGTH = 1000;

    /** Severities from least to most severe, as rules name them. */
    static final List<String> SEVERITIES = List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_key")
    private String key;
    private long accountId;
    private String ruleId;
    @Column(name = "grouping_value")
    private String grouping;
    private String title;
    private String severity;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status;
    @Convert(converter = StringListConverter.class)
    private List<String> attack;
    @Convert(converter = StringListConverter.class)
    private List<String> hosts;
    @Convert(converter = StringListConverter.class)
    private List<String> addresses;
    @Convert(converter = StringListConverter.class)
    private List<String> threatNames;
    private Instant firstSeen;
    private Instant lastSeen;
    private int detectionCount;
    private Instant createdAt;
    private Instant updatedAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private String resolvedBy;
    private Instant resolvedAt;
    /** The rule exception whose match keeps this incident out of sight (V27), null when none does. */
    private Long suppressedByException;
    private String suppressedReason;
    @Version
    private long version;

    protected Incident() {
    }

    Incident(String key, IncidentFinding finding, Instant now) {
        this.key = key;
        this.accountId = finding.accountId();
        this.ruleId = finding.ruleId();
        this.grouping = groupingOf(finding);
        this.title = clip(finding.title(), TITLE_LENGTH);
        this.severity = severity(finding.severity());
        this.status = IncidentStatus.OPEN;
        this.attack = sorted(List.of(), finding.attack());
        this.hosts = sorted(List.of(), finding.hosts());
        this.addresses = sorted(List.of(), finding.addresses());
        this.threatNames = sorted(List.of(), finding.threatNames());
        this.firstSeen = finding.firstSeen();
        this.lastSeen = finding.lastSeen();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Widens this incident by a finding of the same episode: times, hosts, addresses, threats and ATT&CK ids are
     * unions, the severity the higher one, the title that of the finding that reaches furthest (the latest last
     * seen; at the same last seen, more evidence than counted so far).
     *
     * @return whether anything changed (recording the same finding twice changes nothing)
     */
    boolean absorb(IncidentFinding finding, Instant now) {
        boolean changed = false;
        if (finding.firstSeen().isBefore(firstSeen)) {
            firstSeen = finding.firstSeen();
            changed = true;
        }
        // The title of the finding that reaches furthest: the latest last seen, at the same last seen the one with
        // more evidence. Live correlation records an episode in parts, and may record a part of what it recorded
        // before (an episode forgotten and raised again by detections leaving a window): that must not rename it.
        String newTitle = clip(finding.title(), TITLE_LENGTH);
        boolean reachesFurther = finding.lastSeen().isAfter(lastSeen)
                || finding.lastSeen().equals(lastSeen) && finding.detectionIds().size() > detectionCount;
        if (reachesFurther && !newTitle.equals(title)) {
            title = newTitle;
            changed = true;
        }
        if (finding.lastSeen().isAfter(lastSeen)) {
            lastSeen = finding.lastSeen();
            changed = true;
        }
        String higher = severity(finding.severity());
        if (SEVERITIES.indexOf(higher) > SEVERITIES.indexOf(severity)) {
            severity = higher;
            changed = true;
        }
        List<String> unionAttack = sorted(attack, finding.attack());
        List<String> unionHosts = sorted(hosts, finding.hosts());
        List<String> unionAddresses = sorted(addresses, finding.addresses());
        List<String> unionThreats = sorted(threatNames, finding.threatNames());
        if (!unionAttack.equals(attack) || !unionHosts.equals(hosts) || !unionAddresses.equals(addresses)
                || !unionThreats.equals(threatNames)) {
            attack = unionAttack;
            hosts = unionHosts;
            addresses = unionAddresses;
            threatNames = unionThreats;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** @return whether the count moved */
    boolean countEvidence(int count, Instant now) {
        if (count == detectionCount) {
            return false;
        }
        detectionCount = count;
        updatedAt = now;
        return true;
    }

    /**
     * Stores the latest correlation's verdict: suppressed by a rule exception, or not (null).
     *
     * @return whether the verdict changed
     */
    boolean judge(IncidentSuppression suppression, Instant now) {
        Long exception = suppression == null ? null : suppression.exceptionId();
        String reason = suppression == null ? null : suppression.reason();
        if (java.util.Objects.equals(exception, suppressedByException)
                && java.util.Objects.equals(reason, suppressedReason)) {
            return false;
        }
        suppressedByException = exception;
        suppressedReason = reason;
        updatedAt = now;
        return true;
    }

    boolean suppressed() {
        return suppressedByException != null;
    }

    Long suppressedByException() {
        return suppressedByException;
    }

    String suppressedReason() {
        return suppressedReason;
    }

    void acknowledge(String user, Instant now) {
        require(status == IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED);
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedBy = user;
        acknowledgedAt = now;
        updatedAt = now;
    }

    void resolve(String user, Instant now) {
        require(status != IncidentStatus.RESOLVED, IncidentStatus.RESOLVED);
        status = IncidentStatus.RESOLVED;
        resolvedBy = user;
        resolvedAt = now;
        updatedAt = now;
    }

    /** Back to open: who acknowledged and resolved it is cleared (the system log keeps it). */
    void reopen(Instant now) {
        require(status != IncidentStatus.OPEN, IncidentStatus.OPEN);
        status = IncidentStatus.OPEN;
        acknowledgedBy = null;
        acknowledgedAt = null;
        resolvedBy = null;
        resolvedAt = null;
        updatedAt = now;
    }

    private void require(boolean allowed, IncidentStatus to) {
        if (!allowed) {
            throw new IllegalIncidentTransition(status, to);
        }
    }

    /** The grouping as stored and matched. */
    static String groupingOf(IncidentFinding finding) {
        return clip(finding.grouping() == null ? "" : finding.grouping(), GROUPING_LENGTH);
    }

    private static String clip(String value, int length) {
        String v = value == null ? "" : value;
        return v.length() <= length ? v : v.substring(0, length - 1) + "…";
    }

    private static String severity(String value) {
        String upper = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        return SEVERITIES.contains(upper) ? upper : "MEDIUM";
    }

    private static List<String> sorted(Collection<String> existing, Collection<String> more) {
        TreeSet<String> union = new TreeSet<>(existing);
        if (more != null) {
            more.stream().filter(s -> s != null && !s.isBlank()).forEach(union::add);
        }
        return List.copyOf(union);
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    long accountId() {
        return accountId;
    }

    String ruleId() {
        return ruleId;
    }

    String grouping() {
        return grouping;
    }

    String title() {
        return title;
    }

    String severity() {
        return severity;
    }

    IncidentStatus status() {
        return status;
    }

    List<String> attack() {
        return attack;
    }

    List<String> hosts() {
        return hosts;
    }

    List<String> addresses() {
        return addresses;
    }

    List<String> threatNames() {
        return threatNames;
    }

    Instant firstSeen() {
        return firstSeen;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    int detectionCount() {
        return detectionCount;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    String resolvedBy() {
        return resolvedBy;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }
}
