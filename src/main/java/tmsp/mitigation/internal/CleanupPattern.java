package tmsp.mitigation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A custom cleanup pattern the vendor issued for a case. Re-issuing it (the file was corrupted) replaces its file
 * and raises its revision; released, mitigators fetch it; deployed once every target reported success.
 */
@Entity
@Table(name = "cleanup_patterns")
class CleanupPattern {

    enum Status { UPLOADED, RELEASED, DEPLOYED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long caseId;
    private long accountId;
    private String patternName;
    private int revision;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String fileName;
    private String storedFile;
    private long size;
    private String sha256;
    private Instant uploadedAt;
    private String uploadedBy;
    private Instant releasedAt;
    private String releasedBy;

    protected CleanupPattern() {
    }

    CleanupPattern(long caseId, long accountId, String patternName, String fileName, StoredFile file, String actor,
                   Instant now) {
        this.caseId = caseId;
        this.accountId = accountId;
        this.patternName = patternName;
        this.revision = 1;
        this.status = Status.UPLOADED;
        replaceFile(fileName, file, actor, now);
    }

    /** A new file for the same pattern (a corrupted one is re-issued): back to UPLOADED, to be released again. */
    void reissue(String fileName, StoredFile file, String actor, Instant now) {
        if (status == Status.WITHDRAWN || status == Status.DEPLOYED) {
            throw new PatternStatusConflict(id, status);
        }
        revision++;
        status = Status.UPLOADED;
        releasedAt = null;
        releasedBy = null;
        replaceFile(fileName, file, actor, now);
    }

    void release(String actor, Instant now) {
        if (status != Status.UPLOADED && status != Status.RELEASED) {
            throw new PatternStatusConflict(id, status);
        }
        status = Status.RELEASED;
        releasedAt = now;
        releasedBy = actor;
    }

    void deployed() {
        if (status != Status.RELEASED) {
            throw new PatternStatusConflict(id, status);
        }
        status = Status.DEPLOYED;
    }

    void withdraw() {
        if (status == Status.DEPLOYED || status == Status.WITHDRAWN) {
            throw new PatternStatusConflict(id, status);
        }
        status = Status.WITHDRAWN;
    }

    private void replaceFile(String fileName, StoredFile file, String actor, Instant now) {
        this.fileName = fileName;
        this.storedFile = file.name();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.uploadedAt = now;
        this.uploadedBy = actor;
    }

    Long id() {
        return id;
    }

    long caseId() {
        return caseId;
    }

    long accountId() {
        return accountId;
    }

    String patternName() {
        return patternName;
    }

    int revision() {
        return revision;
    }

    Status status() {
        return status;
    }

    String fileName() {
        return fileName;
    }

    String storedFile() {
        return storedFile;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }

    String uploadedBy() {
        return uploadedBy;
    }

    Instant releasedAt() {
        return releasedAt;
    }

    String releasedBy() {
        return releasedBy;
    }
}
