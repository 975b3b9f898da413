package tmsp.correlation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One correlation of one account's day: queued, then running, then done with its counts or failed with its error. */
@Entity
@Table(name = "correlation_runs")
class CorrelationRun {

    static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;

    @Column(name = "run_day")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type")
    private RunTrigger trigger;

    private String ruleSetVersion;
    private Long detectionsRead;
    private Integer incidentsFound;
    private Integer incidentsRaised;
    private Integer incidentsUpdated;
    private String requestedBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;

    protected CorrelationRun() {
    }

    CorrelationRun(long accountId, LocalDate day, RunTrigger trigger, String requestedBy, Instant now) {
        this.accountId = accountId;
        this.day = day;
        this.trigger = trigger;
        this.requestedBy = requestedBy;
        this.status = RunStatus.QUEUED;
        this.createdAt = now;
    }

    /** A try begins (again, after a failure or a lost node): the counts of an earlier try are cleared. */
    void start(String version, Instant now) {
        if (status == RunStatus.DONE) {
            throw new IllegalStateException("Run " + id + " is done");
        }
        status = RunStatus.RUNNING;
        ruleSetVersion = version;
        startedAt = now;
        finishedAt = null;
        error = null;
        detectionsRead = null;
        incidentsFound = null;
        incidentsRaised = null;
        incidentsUpdated = null;
    }

    void finish(long read, int found, int raised, int updated, Instant now) {
        status = RunStatus.DONE;
        detectionsRead = read;
        incidentsFound = found;
        incidentsRaised = raised;
        incidentsUpdated = updated;
        finishedAt = now;
        error = null;
    }

    void fail(String message, Instant now) {
        status = RunStatus.FAILED;
        finishedAt = now;
        error = message == null ? "failed" : message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    boolean isDone() {
        return status == RunStatus.DONE;
    }

    /** How long the last try took, or null while it runs. */
    Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    Long getId() { return id; }
    long getAccountId() { return accountId; }
    LocalDate getDay() { return day; }
    RunStatus getStatus() { return status; }
    RunTrigger getTrigger() { return trigger; }
    String getRuleSetVersion() { return ruleSetVersion; }
    Long getDetectionsRead() { return detectionsRead; }
    Integer getIncidentsFound() { return incidentsFound; }
    Integer getIncidentsRaised() { return incidentsRaised; }
    Integer getIncidentsUpdated() { return incidentsUpdated; }
    String getRequestedBy() { return requestedBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getStartedAt() { return startedAt; }
    Instant getFinishedAt() { return finishedAt; }
    String getError() { return error; }
}
