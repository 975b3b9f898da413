package tmsp.mitigation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cleanup patterns for the cases a simulation left, made straight through the repositories and the store (as the
 * patterns page will make them), for tests outside this package: released to the mitigator that sent the case's
 * sample, corrupted on disk afterwards, re-issued.
 */
public final class SimulatorPatterns {

    private final MitigationCases cases;
    private final CleanupPatterns patterns;
    private final PatternDeployments deployments;
    private final FileStore store;
    private final TransactionTemplate transaction;

    public SimulatorPatterns(ApplicationContext context) {
        this.cases = context.getBean(MitigationCases.class);
        this.patterns = context.getBean(CleanupPatterns.class);
        this.deployments = context.getBean(PatternDeployments.class);
        this.store = context.getBean(FileStore.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    /** A pattern for the case, released (revision 1) to the mitigator whose sample opened the case; its id. */
    public long release(long caseId, String name, byte[] content) {
        StoredFile file = store(content);
        return transaction.execute(status -> {
            MitigationCase opened = cases.findById(caseId).orElseThrow();
            Instant now = Instant.now();
            CleanupPattern pattern = new CleanupPattern(caseId, opened.accountId(), name, name + ".ptn", file, "admin",
                    now);
            pattern.release("admin", now);
            patterns.save(pattern);
            deployments.save(new PatternDeployment(pattern.id(), opened.productId(), opened.mitigationServer(),
                    pattern.revision()));
            return pattern.id();
        });
    }

    /** Damages the stored file (its first byte flipped): what is served no longer matches the listed SHA-256. */
    public void corrupt(long patternId) {
        CleanupPattern pattern = patterns.findById(patternId).orElseThrow();
        Path file = store.path(FileStore.Kind.PATTERNS, pattern.storedFile());
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[0] ^= 0x5A;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-issues the pattern with a new file and releases it again to the mitigator of its case; the new revision. */
    public int reissue(long patternId, byte[] content) {
        long productId = cases.findById(patterns.findById(patternId).orElseThrow().caseId()).orElseThrow().productId();
        return new PatternFixture(cases, patterns, deployments, store, transaction).reissue(patternId, productId, content);
    }

    private StoredFile store(byte[] content) {
        return store.store(FileStore.Kind.PATTERNS, new ByteArrayInputStream(content), content.length);
    }
}
