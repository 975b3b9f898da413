package tmsp.mitigation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import tmsp.mitigation.CaseStatus;

/**
 * A forensic case: the sample a mitigator uploaded for one endpoint and what became of it. Its status moves only
 * through the methods below, each of which refuses a move its current status does not allow.
 */
@Entity
@Table(name = "mitigation_cases")
class MitigationCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long accountId;
    private long productId;
    private String mitigationServer;
    private String endpointIp;
    private String endpointHost;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private String vendorCaseId;
    private String sampleName;
    private String sampleFile;
    private long sampleSize;
    private String sampleSha256;
    private Instant receivedAt;
    private Instant updatedAt;
    private String processInstanceId;

    protected MitigationCase() {
    }

    MitigationCase(long accountId, long productId, String mitigationServer, String endpointIp, String endpointHost,
                   String sampleName, StoredFile sample, Instant now) {
        this.accountId = accountId;
        this.productId = productId;
        this.mitigationServer = mitigationServer;
        this.endpointIp = endpointIp;
        this.endpointHost = endpointHost;
        this.sampleName = sampleName;
        this.sampleFile = sample.name();
        this.sampleSize = sample.size();
        this.sampleSha256 = sample.sha256();
        this.status = CaseStatus.SAMPLE_RECEIVED;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** "Threat Sample Downloaded" only while nothing further happened; a later status stays. */
    void sampleDownloaded(Instant now) {
        if (status == CaseStatus.SAMPLE_RECEIVED) {
            move(CaseStatus.SAMPLE_DOWNLOADED, now);
        } else {
            updatedAt = now;
        }
    }

    void sentToVendor(Instant now) {
        require(EnumSet.of(CaseStatus.SAMPLE_RECEIVED, CaseStatus.SAMPLE_DOWNLOADED, CaseStatus.SENT_TO_VENDOR));
        move(CaseStatus.SENT_TO_VENDOR, now);
    }

    void dismissed(Instant now) {
        require(EnumSet.of(CaseStatus.SAMPLE_RECEIVED, CaseStatus.SAMPLE_DOWNLOADED));
        move(CaseStatus.DISMISSED, now);
    }

    /** The vendor's case ID; it may be corrected while no pattern has arrived. */
    void vendorCaseOpened(String vendorCaseId, Instant now) {
        require(EnumSet.of(CaseStatus.SENT_TO_VENDOR, CaseStatus.AWAITING_PATTERN));
        this.vendorCaseId = vendorCaseId;
        move(CaseStatus.AWAITING_PATTERN, now);
    }

    /** A pattern arrived, or was re-issued or withdrawn and a new one is awaited (back to AWAITING_PATTERN). */
    void patternReceived(Instant now) {
        require(EnumSet.of(CaseStatus.AWAITING_PATTERN, CaseStatus.PATTERN_RECEIVED, CaseStatus.PATTERN_DEPLOYING,
                CaseStatus.DEPLOYMENT_FAILED));
        move(CaseStatus.PATTERN_RECEIVED, now);
    }

    void patternWithdrawn(Instant now) {
        require(EnumSet.of(CaseStatus.PATTERN_RECEIVED, CaseStatus.PATTERN_DEPLOYING, CaseStatus.DEPLOYMENT_FAILED));
        move(CaseStatus.AWAITING_PATTERN, now);
    }

    void deploying(Instant now) {
        require(EnumSet.of(CaseStatus.PATTERN_RECEIVED, CaseStatus.PATTERN_DEPLOYING));
        move(CaseStatus.PATTERN_DEPLOYING, now);
    }

    void deploymentFailed(Instant now) {
        require(EnumSet.of(CaseStatus.PATTERN_DEPLOYING, CaseStatus.DEPLOYMENT_FAILED));
        move(CaseStatus.DEPLOYMENT_FAILED, now);
    }

    void closed(Instant now) {
        require(EnumSet.of(CaseStatus.PATTERN_DEPLOYING, CaseStatus.DEPLOYMENT_FAILED));
        move(CaseStatus.CLOSED, now);
    }

    void processStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void require(Set<CaseStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new CaseStatusConflict(id, status);
        }
    }

    private void move(CaseStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    long productId() {
        return productId;
    }

    String mitigationServer() {
        return mitigationServer;
    }

    String endpointIp() {
        return endpointIp;
    }

    String endpointHost() {
        return endpointHost;
    }

    CaseStatus status() {
        return status;
    }

    String vendorCaseId() {
        return vendorCaseId;
    }

    String sampleName() {
        return sampleName;
    }

    String sampleFile() {
        return sampleFile;
    }

    long sampleSize() {
        return sampleSize;
    }

    String sampleSha256() {
        return sampleSha256;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
