package tmsp.mitigation.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductType;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.MitigationEvents.ThreatSampleReceived;

/**
 * What the mitigators' API does, for the process's tests (that API is tested on its own): a sample stored and its
 * case opened, and a deployment report recorded through the API's own service, each published in the transaction that makes it.
 */
final class MitigationFixtures {

    private final MitigationCases cases;
    private final PatternDeployments deployments;
    private final CleanupPatterns patterns;
    private final FileStore files;
    private final CaseJournal journal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MitigatorPatterns mitigatorPatterns;

    MitigationFixtures(MitigationCases cases, PatternDeployments deployments, CleanupPatterns patterns, FileStore files,
                       CaseJournal journal, ApplicationEventPublisher events, TransactionTemplate transaction,
                       MitigatorPatterns mitigatorPatterns) {
        this.cases = cases;
        this.deployments = deployments;
        this.patterns = patterns;
        this.files = files;
        this.journal = journal;
        this.events = events;
        this.transaction = transaction;
        this.mitigatorPatterns = mitigatorPatterns;
    }

    long sample(long accountId, long productId, String server, String ip, String host, byte[] zip) {
        StoredFile file = files.store(FileStore.Kind.SAMPLES, new ByteArrayInputStream(zip), zip.length);
        return transaction.execute(status -> {
            MitigationCase opened = cases.save(new MitigationCase(accountId, productId, server, ip, host,
                    "forensic.zip", file, Instant.now()));
            journal.record(opened, server, CaseStep.SAMPLE_RECEIVED, "forensic.zip");
            events.publishEvent(new ThreatSampleReceived(opened.id(), accountId, server, host + " (" + ip + ")",
                    file.size(), file.sha256()));
            return opened.id();
        });
    }

    /** Publishes the event of a case again, as a listener resubmitted after a crash would receive it. */
    void sampleAgain(long caseId) {
        transaction.executeWithoutResult(status -> {
            MitigationCase c = cases.findById(caseId).orElseThrow();
            events.publishEvent(new ThreatSampleReceived(caseId, c.accountId(), c.mitigationServer(), "again",
                    c.sampleSize(), c.sampleSha256()));
        });
    }

    /** A mitigator's deployment report, through what the mitigators' API calls (MitigatorApiIT tests the HTTP part). */
    void report(long patternId, long productId, boolean success, String detail) {
        CleanupPattern pattern = patterns.findById(patternId).orElseThrow();
        PatternDeployment deployment = deployments.findById(new PatternDeployment.Key(patternId, productId)).orElseThrow();
        ApplianceIdentity mitigator = new ApplianceIdentity(productId, pattern.accountId(), ProductType.MITIGATOR,
                "guid-" + productId, deployment.mitigationServer(), true, null);
        mitigatorPatterns.report(mitigator, patternId, deployment.revision(), success, detail);
    }
}
