package tmsp.mitigation.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One mitigator a released pattern targets, and what it reported for the revision it deployed. */
@Entity
@Table(name = "pattern_deployments")
class PatternDeployment {

    enum Result { PENDING, SUCCESS, FAILED }

    @Embeddable
    record Key(long patternId, long productId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private String mitigationServer;
    private int revision;
    @Enumerated(EnumType.STRING)
    private Result result;
    private String detail;
    private Instant fetchedAt;
    private Instant reportedAt;

    protected PatternDeployment() {
    }

    PatternDeployment(long patternId, long productId, String mitigationServer, int revision) {
        this.key = new Key(patternId, productId);
        this.mitigationServer = mitigationServer;
        this.revision = revision;
        this.result = Result.PENDING;
    }

    /** Released again (a re-issued revision): the target must fetch and report anew. */
    void retarget(int revision) {
        this.revision = revision;
        this.result = Result.PENDING;
        this.detail = null;
        this.fetchedAt = null;
        this.reportedAt = null;
    }

    void fetched(Instant now) {
        this.fetchedAt = now;
    }

    void reported(boolean success, String detail, Instant now) {
        this.result = success ? Result.SUCCESS : Result.FAILED;
        this.detail = detail;
        this.reportedAt = now;
    }

    long patternId() {
        return key.patternId();
    }

    long productId() {
        return key.productId();
    }

    String mitigationServer() {
        return mitigationServer;
    }

    int revision() {
        return revision;
    }

    Result result() {
        return result;
    }

    String detail() {
        return detail;
    }

    Instant fetchedAt() {
        return fetchedAt;
    }

    Instant reportedAt() {
        return reportedAt;
    }
}
