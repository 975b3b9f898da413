package tmsp.mitigation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;
import tmsp.appliance.AccountMitigators;
import tmsp.appliance.AccountMitigators.Mitigator;
import tmsp.mitigation.CaseStatus;

/** What the mitigation process's task forms show of a case and its pattern. */
@Component
class TaskViews {

    /** A case as a task shows it. */
    record CaseFacts(long id, long accountId, String accountName, CaseStatus status, String mitigationServer,
                     String endpoint, String sampleName, long sampleSize, String sampleSha256, Instant receivedAt,
                     String vendorCaseId) {

        public String caseUrl() {
            return "/mitigation/cases/" + id;
        }

        public String sampleUrl() {
            return caseUrl() + "/sample";
        }
    }

    /** A pattern as the deploy task shows it. */
    record PatternFacts(long id, String name, int revision, String fileName, long size, String sha256,
                        String uploadedBy, Instant uploadedAt) {
    }

    private final MitigationCases cases;
    private final CleanupPatterns patterns;
    private final AccountLookup accounts;
    private final AccountMitigators mitigators;

    TaskViews(MitigationCases cases, CleanupPatterns patterns, AccountLookup accounts, AccountMitigators mitigators) {
        this.cases = cases;
        this.patterns = patterns;
        this.accounts = accounts;
        this.mitigators = mitigators;
    }

    @Transactional(readOnly = true)
    CaseFacts caseFacts(long caseId) {
        MitigationCase c = cases.findById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        String account = accounts.byId(c.accountId()).map(AccountSummary::name).orElse("#" + c.accountId());
        return new CaseFacts(c.id(), c.accountId(), account, c.status(), c.mitigationServer(), CaseWork.endpoint(c),
                c.sampleName(), c.sampleSize(), c.sampleSha256(), c.receivedAt(), c.vendorCaseId());
    }

    @Transactional(readOnly = true)
    PatternFacts patternFacts(long patternId) {
        CleanupPattern p = patterns.findById(patternId).orElseThrow();
        return new PatternFacts(p.id(), p.patternName(), p.revision(), p.fileName(), p.size(), p.sha256(),
                p.uploadedBy(), p.uploadedAt());
    }

    List<Mitigator> mitigatorsOf(long accountId) {
        return mitigators.enabledOf(accountId);
    }
}
