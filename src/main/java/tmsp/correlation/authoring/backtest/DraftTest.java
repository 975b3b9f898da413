package tmsp.correlation.authoring.backtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One test of a draft: queued, running (with its progress), then done with its result (JSON), failed with its
 * error, or cancelled. Over stored detections it names the account and days; over pasted lines how many.
 */
@Entity
@Table(name = "rule_draft_tests")
class DraftTest {

    static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long draftId;
    private Long accountId;
    private LocalDate fromDay;
    private LocalDate toDay;
    private Integer linesPasted;

    @Enumerated(EnumType.STRING)
    private TestStatus status;

    private double progress;
    private long detectionsRead;
    private boolean cancelRequested;
    private String requestedBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;

    @Column(name = "result_json")
    private String result;

    protected DraftTest() {
    }

    private DraftTest(long draftId, Long accountId, LocalDate fromDay, LocalDate toDay, Integer linesPasted,
                      String requestedBy, Instant now) {
        this.draftId = draftId;
        this.accountId = accountId;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.linesPasted = linesPasted;
        this.requestedBy = requestedBy;
        this.status = TestStatus.QUEUED;
        this.createdAt = now;
    }

    static DraftTest ofStored(long draftId, long accountId, LocalDate from, LocalDate to, String requestedBy,
                              Instant now) {
        return new DraftTest(draftId, accountId, from, to, null, requestedBy, now);
    }

    static DraftTest ofPasted(long draftId, int lines, String requestedBy, Instant now) {
        return new DraftTest(draftId, null, null, null, lines, requestedBy, now);
    }

    /** @return false when the test ended before it could start (cancelled while queued) */
    boolean start(Instant now) {
        if (status != TestStatus.QUEUED) {
            return false;
        }
        status = TestStatus.RUNNING;
        startedAt = now;
        return true;
    }

    void progressed(double fraction, long read) {
        if (status == TestStatus.RUNNING) {
            progress = fraction;
            detectionsRead = read;
        }
    }

    void finish(String resultJson, long read, Instant now) {
        status = TestStatus.DONE;
        result = resultJson;
        progress = 1;
        detectionsRead = read;
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        status = TestStatus.FAILED;
        error = reason == null ? null : reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        finishedAt = now;
    }

    /** A queued test ends at once; a running one is asked to stop, and its node ends it. */
    void requestCancel(Instant now) {
        if (status == TestStatus.QUEUED) {
            status = TestStatus.CANCELLED;
            finishedAt = now;
        }
        if (!status.ended()) {
            cancelRequested = true;
        }
    }

    void cancelled(long read, Instant now) {
        status = TestStatus.CANCELLED;
        detectionsRead = read;
        finishedAt = now;
    }

    Long getId() {
        return id;
    }

    long getDraftId() {
        return draftId;
    }

    Long getAccountId() {
        return accountId;
    }

    LocalDate getFromDay() {
        return fromDay;
    }

    LocalDate getToDay() {
        return toDay;
    }

    Integer getLinesPasted() {
        return linesPasted;
    }

    TestStatus getStatus() {
        return status;
    }

    double getProgress() {
        return progress;
    }

    long getDetectionsRead() {
        return detectionsRead;
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    String getError() {
        return error;
    }

    String getResult() {
        return result;
    }
}
