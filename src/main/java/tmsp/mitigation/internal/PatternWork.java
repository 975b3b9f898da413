package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.PATTERN_ID;
import static tmsp.mitigation.internal.MitigationProcess.TARGETS;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.AccountMitigators;
import tmsp.appliance.AccountMitigators.Mitigator;
import tmsp.mitigation.CaseStatus;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.MitigationEvents.PatternDeploymentReported;

/**
 * The cleanup pattern's steps: uploaded, re-issued or withdrawn on the Patterns page (each correlates the case's
 * process, which must be waiting for it), released to the mitigators and closed by the process, and the
 * mitigators' reports looked at. Each locks the case, is in its history, and does nothing when run again.
 * A file is stored before the transaction that records it and removed again if that transaction fails.
 */
@Service
class PatternWork {

    static final int MAX_NAME = 100;

    private final CleanupPatterns patterns;
    private final PatternDeployments deployments;
    private final MitigationCases cases;
    private final CaseJournal journal;
    private final ProcessWaits waits;
    private final FileStore files;
    private final AccountMitigators mitigators;
    private final TransactionTemplate transaction;
    private final long maxPatternBytes;

    PatternWork(CleanupPatterns patterns, PatternDeployments deployments, MitigationCases cases, CaseJournal journal,
                ProcessWaits waits, FileStore files, AccountMitigators mitigators,
                PlatformTransactionManager transactions, MitigationProperties properties) {
        this.patterns = patterns;
        this.deployments = deployments;
        this.cases = cases;
        this.journal = journal;
        this.waits = waits;
        this.files = files;
        this.mitigators = mitigators;
        this.transaction = new TransactionTemplate(transactions);
        this.maxPatternBytes = properties.maxPatternSize().toBytes();
    }

    /**
     * The vendor's pattern for a case that waits for one.
     * @throws PatternRefused for a bad name, a case not waiting, an empty or too large file (nothing kept)
     */
    long upload(long caseId, String patternName, String fileName, InputStream content, String actor) {
        String name = patternName == null ? "" : patternName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new PatternRefused("mitigation.patterns.error.name");
        }
        if (!waits.waitsFor(caseId, MitigationProcess.PATTERN_UPLOADED_MESSAGE)) {
            throw new PatternRefused("mitigation.patterns.error.notWaiting");
        }
        StoredFile file = store(content);
        return keepingOnlyIfCommitted(file, () -> {
            MitigationCase mitigationCase = lockedCase(caseId);
            if (!waits.waitsFor(caseId, MitigationProcess.PATTERN_UPLOADED_MESSAGE)) {
                throw new PatternRefused("mitigation.patterns.error.notWaiting");
            }
            Instant now = Instant.now();
            CleanupPattern pattern = patterns.save(new CleanupPattern(caseId, mitigationCase.accountId(), name,
                    fileNameOf(fileName), file, actor, now));
            mitigationCase.patternReceived(now);
            journal.record(mitigationCase, actor, CaseStep.PATTERN_UPLOADED, describe(pattern));
            // A new pattern: its mitigators are chosen anew (no null: the task list's variables hold none).
            waits.correlate(caseId, MitigationProcess.PATTERN_UPLOADED_MESSAGE,
                    Map.of(PATTERN_ID, pattern.id(), TARGETS, ""));
            return pattern.id();
        });
    }

    /**
     * A new file for a pattern being deployed (the last one was corrupted): its revision goes up, its mitigators
     * back to PENDING, and the process releases it again (or, not yet released, asks for its deployment again).
     * @throws PatternRefused when the case's process is not deploying it, or the file is empty or too large
     */
    void reissue(long patternId, String fileName, InputStream content, String actor) {
        CleanupPattern current = patterns.findById(patternId)
                .orElseThrow(() -> new PatternRefused("mitigation.patterns.error.unknown"));
        long caseId = current.caseId();
        if (!deploying(current)) {
            throw new PatternRefused("mitigation.patterns.error.notDeploying");
        }
        StoredFile file = store(content);
        keepingOnlyIfCommitted(file, () -> {
            MitigationCase mitigationCase = lockedCase(caseId);
            CleanupPattern pattern = patterns.lockById(patternId).orElseThrow();
            if (!deploying(pattern)) {
                throw new PatternRefused("mitigation.patterns.error.notDeploying");
            }
            String replaced = pattern.storedFile();
            Instant now = Instant.now();
            pattern.reissue(fileNameOf(fileName), file, actor, now);
            deployments.findByPatternId(patternId).forEach(d -> d.retarget(pattern.revision()));
            mitigationCase.patternReceived(now);
            journal.record(mitigationCase, actor, CaseStep.PATTERN_REISSUED, describe(pattern));
            waits.correlate(caseId, MitigationProcess.PATTERN_REISSUED_MESSAGE, Map.of(PATTERN_ID, patternId));
            afterCommit(() -> files.delete(FileStore.Kind.PATTERNS, replaced));
            return null;
        });
    }

    /** Withdrawn: offered to no mitigator; the case waits for another pattern. */
    @Transactional
    void withdraw(long patternId, String actor) {
        CleanupPattern found = patterns.findById(patternId)
                .orElseThrow(() -> new PatternRefused("mitigation.patterns.error.unknown"));
        MitigationCase mitigationCase = lockedCase(found.caseId());
        CleanupPattern pattern = patterns.lockById(patternId).orElseThrow();
        if (!deploying(pattern)) {
            throw new PatternRefused("mitigation.patterns.error.notDeploying");
        }
        pattern.withdraw();
        mitigationCase.patternWithdrawn(Instant.now());
        journal.record(mitigationCase, actor, CaseStep.PATTERN_WITHDRAWN, describe(pattern));
        waits.correlate(mitigationCase.id(), MitigationProcess.PATTERN_WITHDRAWN_MESSAGE, Map.of());
    }

    /**
     * Released to the chosen mitigators: one deployment each, PENDING for the current revision (one that already
     * has this revision keeps what it reported). Mitigators no longer chosen are dropped.
     * @throws IllegalStateException when a chosen product is no longer an enabled mitigator of the account
     */
    @Transactional
    void release(long caseId, long patternId, List<Long> targets, String actor) {
        MitigationCase mitigationCase = lockedCase(caseId);
        CleanupPattern pattern = patterns.lockById(patternId).orElseThrow();
        Map<Long, Mitigator> enabled = mitigators.enabledOf(mitigationCase.accountId()).stream()
                .collect(Collectors.toMap(Mitigator::productId, Function.identity()));
        Map<Long, PatternDeployment> existing = deployments.findByPatternId(patternId).stream()
                .collect(Collectors.toMap(PatternDeployment::productId, Function.identity()));
        for (long target : targets) {
            Mitigator mitigator = enabled.get(target);
            if (mitigator == null) {
                throw new IllegalStateException("Product #" + target + " is no longer an enabled mitigator of account #"
                        + mitigationCase.accountId() + ": withdraw the pattern and deploy it again");
            }
            PatternDeployment deployment = existing.remove(target);
            if (deployment == null) {
                deployments.save(new PatternDeployment(patternId, target, mitigator.hostname(), pattern.revision()));
            } else if (deployment.revision() != pattern.revision()) {
                deployment.retarget(pattern.revision());
            }
        }
        deployments.deleteAll(existing.values());
        Instant now = Instant.now();
        pattern.release(actor, now);
        mitigationCase.deploying(now);
        journal.record(mitigationCase, actor, CaseStep.PATTERN_RELEASED, describe(pattern) + " to "
                + targets.stream().map(t -> enabled.get(t).hostname()).collect(Collectors.joining(", ")));
    }

    /**
     * A mitigator reported: a failure marks the case DEPLOYMENT_FAILED (it keeps waiting: re-issue the pattern);
     * when every target succeeded with the current revision, the process is told.
     */
    @Transactional
    void deploymentReported(PatternDeploymentReported report) {
        MitigationCase mitigationCase = cases.lockById(report.caseId()).orElse(null);
        CleanupPattern pattern = patterns.findById(report.patternId()).orElse(null);
        if (mitigationCase == null || pattern == null || pattern.status() != CleanupPattern.Status.RELEASED
                || pattern.revision() != report.revision()) {
            return; // a late report of an older revision, or of a pattern withdrawn since
        }
        List<PatternDeployment> current = deployments.findByPatternId(pattern.id()).stream()
                .filter(d -> d.revision() == pattern.revision()).toList();
        if (!report.success() && mitigationCase.status() == CaseStatus.PATTERN_DEPLOYING) {
            // the mitigator's report is already in the case's history, with its reason
            mitigationCase.deploymentFailed(Instant.now());
        }
        boolean allSucceeded = !current.isEmpty()
                && current.stream().allMatch(d -> d.result() == PatternDeployment.Result.SUCCESS);
        if (allSucceeded && waits.waitsFor(mitigationCase.id(), MitigationProcess.PATTERN_DEPLOYED_MESSAGE)) {
            waits.correlate(mitigationCase.id(), MitigationProcess.PATTERN_DEPLOYED_MESSAGE,
                    Map.of(PATTERN_ID, pattern.id()));
        }
    }

    /** Every target succeeded: the pattern is deployed and the case closed. */
    @Transactional
    void close(long caseId, long patternId) {
        MitigationCase mitigationCase = lockedCase(caseId);
        if (mitigationCase.status() == CaseStatus.CLOSED) {
            return;
        }
        CleanupPattern pattern = patterns.lockById(patternId).orElseThrow();
        pattern.deployed();
        mitigationCase.closed(Instant.now());
        journal.record(mitigationCase, CaseWork.SYSTEM, CaseStep.CLOSED, describe(pattern)
                + " deployed by every targeted mitigator");
    }

    /** Whether the case's process is deploying this pattern (so a re-issue or a withdrawal can reach it). */
    private boolean deploying(CleanupPattern pattern) {
        return (pattern.status() == CleanupPattern.Status.UPLOADED || pattern.status() == CleanupPattern.Status.RELEASED)
                && waits.waitsFor(pattern.caseId(), MitigationProcess.PATTERN_REISSUED_MESSAGE);
    }

    private StoredFile store(InputStream content) {
        StoredFile file;
        try {
            file = files.store(FileStore.Kind.PATTERNS, content, maxPatternBytes);
        } catch (FileTooLarge tooLarge) {
            throw new PatternRefused("mitigation.patterns.error.tooLarge");
        }
        if (file.size() == 0) {
            files.delete(FileStore.Kind.PATTERNS, file.name());
            throw new PatternRefused("mitigation.patterns.error.empty");
        }
        return file;
    }

    /** Runs {@code work} in a transaction; the stored file goes again if it does not commit. */
    private <T> T keepingOnlyIfCommitted(StoredFile file, java.util.function.Supplier<T> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (RuntimeException failed) {
            files.delete(FileStore.Kind.PATTERNS, file.name());
            throw failed;
        }
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private MitigationCase lockedCase(long caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }

    /** The browser's file name without its path, bounded. */
    static String fileNameOf(String submitted) {
        String name = submitted == null ? "" : submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "pattern.bin";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String describe(CleanupPattern pattern) {
        return "Pattern " + pattern.patternName() + " revision " + pattern.revision() + " (" + pattern.fileName() + ", "
                + pattern.size() + " bytes, SHA-256 " + pattern.sha256() + ")";
    }
}
