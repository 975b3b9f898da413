package tmsp.mitigation.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cleanup patterns made straight through the repositories and the store, as the patterns page will make them: a case
 * with a sample, a pattern for it released to one mitigator, and its re-issue.
 */
final class PatternFixture {

    record Released(long caseId, long patternId) {
    }

    private final MitigationCases cases;
    private final CleanupPatterns patterns;
    private final PatternDeployments deployments;
    private final FileStore store;
    private final TransactionTemplate transaction;

    PatternFixture(MitigationCases cases, CleanupPatterns patterns, PatternDeployments deployments, FileStore store,
                   TransactionTemplate transaction) {
        this.cases = cases;
        this.patterns = patterns;
        this.deployments = deployments;
        this.store = store;
        this.transaction = transaction;
    }

    /** A case of the account and a pattern for it, released to the mitigator (revision 1). */
    Released released(long accountId, long productId, String server, String name, byte[] content) {
        StoredFile sample = store.store(FileStore.Kind.SAMPLES, new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4}), 4);
        StoredFile file = store.store(FileStore.Kind.PATTERNS, new ByteArrayInputStream(content), content.length);
        return transaction.execute(status -> {
            Instant now = Instant.now();
            MitigationCase opened = cases.save(new MitigationCase(accountId, productId, server, "10.1.2.3", "pc-17",
                    "sample.zip", sample, now));
            CleanupPattern pattern = new CleanupPattern(opened.id(), accountId, name, name + ".ptn", file, "admin", now);
            pattern.release("admin", now);
            patterns.save(pattern);
            deployments.save(new PatternDeployment(pattern.id(), productId, server, pattern.revision()));
            return new Released(opened.id(), pattern.id());
        });
    }

    /** A corrupted pattern re-issued with a new file and released again to the mitigator: its revision goes up. */
    int reissue(long patternId, long productId, byte[] content) {
        StoredFile file = store.store(FileStore.Kind.PATTERNS, new ByteArrayInputStream(content), content.length);
        return transaction.execute(status -> {
            CleanupPattern pattern = patterns.lockById(patternId).orElseThrow();
            pattern.reissue(pattern.fileName(), file, "admin", Instant.now());
            pattern.release("admin", Instant.now());
            deployments.findById(new PatternDeployment.Key(patternId, productId)).orElseThrow()
                    .retarget(pattern.revision());
            return pattern.revision();
        });
    }
}
