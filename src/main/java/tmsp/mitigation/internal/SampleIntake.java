package tmsp.mitigation.internal;

import java.io.InputStream;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.ApplianceIdentity;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.MitigationEvents.ThreatSampleReceived;

/**
 * A forensic sample arrives: streamed into the sample store, then a case opened for it, its first history line
 * written and {@link ThreatSampleReceived} published, all in one transaction. If that fails the file goes again.
 */
@Service
class SampleIntake {

    /** Where the sample came from, as the mitigator named it. */
    record Origin(String endpointIp, String endpointHost, String fileName) {
    }

    record Received(long caseId, long size, String sha256) {
    }

    private final FileStore store;
    private final MitigationCases cases;
    private final CaseJournal journal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MitigationProperties properties;

    SampleIntake(FileStore store, MitigationCases cases, CaseJournal journal, ApplicationEventPublisher events,
                 TransactionTemplate transaction, MitigationProperties properties) {
        this.store = store;
        this.cases = cases;
        this.journal = journal;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * @throws FileTooLarge                     above {@code tmsp.mitigation.max-sample-size} (nothing kept)
     * @throws java.io.UncheckedIOException when the content broke off or the disk failed (nothing kept)
     */
    Received receive(ApplianceIdentity mitigator, Origin origin, InputStream content) {
        StoredFile sample = store.store(FileStore.Kind.SAMPLES, content, properties.maxSampleSize().toBytes());
        try {
            return transaction.execute(status -> open(mitigator, origin, sample));
        } catch (RuntimeException | Error e) {
            store.delete(FileStore.Kind.SAMPLES, sample.name());
            throw e;
        }
    }

    private Received open(ApplianceIdentity mitigator, Origin origin, StoredFile sample) {
        String server = Mitigators.actor(mitigator);
        MitigationCase opened = cases.save(new MitigationCase(mitigator.accountId(), mitigator.productId(), server,
                origin.endpointIp(), origin.endpointHost(), origin.fileName(), sample, Instant.now()));
        String endpoint = origin.endpointHost() != null && origin.endpointIp() != null
                ? origin.endpointIp() + " (" + origin.endpointHost() + ")"
                : origin.endpointIp() != null ? origin.endpointIp() : origin.endpointHost();
        journal.record(opened, server, CaseStep.SAMPLE_RECEIVED,
                origin.fileName() + ", " + sample.size() + " bytes, SHA-256 " + sample.sha256()
                        + (endpoint == null ? "" : ", endpoint " + endpoint));
        events.publishEvent(new ThreatSampleReceived(opened.id(), mitigator.accountId(), server, endpoint,
                sample.size(), sample.sha256()));
        return new Received(opened.id(), sample.size(), sample.sha256());
    }
}
