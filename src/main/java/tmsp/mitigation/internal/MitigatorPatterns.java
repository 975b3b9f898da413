package tmsp.mitigation.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceIdentity;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.MitigationEvents.PatternDeploymentReported;

/**
 * The cleanup patterns a mitigator is to deploy: which ones, their files, and what it reports of each deployment.
 * A pattern that does not target the mitigator (another account's too) is unknown to it (404).
 */
@Service
class MitigatorPatterns {

    static final int MAX_DETAIL = 500;

    /** A released pattern as a mitigator sees it. */
    record Offered(long patternId, String name, int revision, long caseId, String fileName, long size, String sha256,
                   String download) {
    }

    /** Where the pattern's file is, and the name to save it under. */
    record Download(Path file, String fileName, long size) {
    }

    private final CleanupPatterns patterns;
    private final PatternDeployments deployments;
    private final MitigationCases cases;
    private final CaseJournal journal;
    private final FileStore store;
    private final ApplicationEventPublisher events;

    MitigatorPatterns(CleanupPatterns patterns, PatternDeployments deployments, MitigationCases cases,
                      CaseJournal journal, FileStore store, ApplicationEventPublisher events) {
        this.patterns = patterns;
        this.deployments = deployments;
        this.cases = cases;
        this.journal = journal;
        this.store = store;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<Offered> offeredTo(ApplianceIdentity mitigator) {
        List<PatternDeployment> targets = deployments.findReleasedFor(mitigator.productId());
        Map<Long, CleanupPattern> byId = patterns.findAllById(targets.stream().map(PatternDeployment::patternId).toList())
                .stream().collect(Collectors.toMap(CleanupPattern::id, Function.identity()));
        return targets.stream().map(t -> byId.get(t.patternId()))
                .filter(p -> p != null && p.accountId() == mitigator.accountId())
                .map(p -> new Offered(p.id(), p.patternName(), p.revision(), p.caseId(), p.fileName(), p.size(),
                        p.sha256(), "/api/v1/mitigation/patterns/" + p.id() + "/file"))
                .toList();
    }

    /** The file of a released pattern that targets the mitigator; its first fetch of a revision joins the case's history. */
    @Transactional
    Download fetch(ApplianceIdentity mitigator, long patternId) {
        CleanupPattern pattern = targeting(mitigator, patternId);
        PatternDeployment target = target(mitigator, patternId);
        if (pattern.status() != CleanupPattern.Status.RELEASED) {
            throw notTargeted(patternId);
        }
        if (target.fetchedAt() == null) {
            journal.record(caseOf(pattern), Mitigators.actor(mitigator), CaseStep.PATTERN_FETCHED,
                    pattern.patternName() + " revision " + pattern.revision());
        }
        target.fetched(Instant.now());
        return new Download(store.path(FileStore.Kind.PATTERNS, pattern.storedFile()), pattern.fileName(),
                pattern.size());
    }

    /**
     * Records a deployment result of the current revision. The same result again (a retried call) changes nothing.
     *
     * @throws ApplianceApiRefusal 404 when the pattern does not target the mitigator, 409 for another revision than
     *                             the current one or a pattern no longer released
     */
    @Transactional
    void report(ApplianceIdentity mitigator, long patternId, int revision, boolean success, String detail) {
        CleanupPattern pattern = targeting(mitigator, patternId);
        PatternDeployment target = target(mitigator, patternId);
        if (revision != pattern.revision() || revision != target.revision()) {
            throw new ApplianceApiRefusal(409, "Revision " + revision + " of pattern " + patternId
                    + " is not the current one (" + pattern.revision() + "): fetch the pattern again");
        }
        String bounded = detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL - 1) + "…";
        PatternDeployment.Result result = success ? PatternDeployment.Result.SUCCESS : PatternDeployment.Result.FAILED;
        if (target.reportedAt() != null && target.result() == result && Objects.equals(target.detail(), bounded)) {
            return;
        }
        if (pattern.status() != CleanupPattern.Status.RELEASED) {
            throw new ApplianceApiRefusal(409, "Pattern " + patternId + " is " + pattern.status() + ", not released");
        }
        target.reported(success, bounded, Instant.now());
        journal.record(caseOf(pattern), Mitigators.actor(mitigator),
                success ? CaseStep.DEPLOYMENT_SUCCEEDED : CaseStep.DEPLOYMENT_FAILED,
                pattern.patternName() + " revision " + revision + (bounded == null ? "" : ": " + bounded));
        events.publishEvent(new PatternDeploymentReported(patternId, pattern.caseId(), mitigator.productId(), revision,
                success, bounded));
    }

    /** The pattern, locked (its deployments are decided one report at a time), if it is of the mitigator's account. */
    private CleanupPattern targeting(ApplianceIdentity mitigator, long patternId) {
        return patterns.lockById(patternId).filter(p -> p.accountId() == mitigator.accountId())
                .orElseThrow(() -> notTargeted(patternId));
    }

    private PatternDeployment target(ApplianceIdentity mitigator, long patternId) {
        return deployments.findById(new PatternDeployment.Key(patternId, mitigator.productId()))
                .orElseThrow(() -> notTargeted(patternId));
    }

    private MitigationCase caseOf(CleanupPattern pattern) {
        return cases.findById(pattern.caseId()).orElseThrow();
    }

    private static ApplianceApiRefusal notTargeted(long patternId) {
        return new ApplianceApiRefusal(404, "Pattern " + patternId + " does not target this mitigator");
    }
}
