package tmsp.mitigation.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountLookup;
import tmsp.mitigation.CaseStatus;

/** What the Patterns page lists: patterns with their case, account and deployments; the cases waiting for one. */
@Component
class PatternsPage {

    static final int PAGE_SIZE = 20;

    record Row(long id, long caseId, long accountId, String accountName, String name, int revision,
               CleanupPattern.Status status, String fileName, long size, String sha256, String uploadedBy,
               Instant uploadedAt, String releasedBy, Instant releasedAt, List<Target> targets) {

        /** Re-issue and withdraw are offered (the process must still be deploying it, which the action checks). */
        public boolean changeable() {
            return status == CleanupPattern.Status.UPLOADED || status == CleanupPattern.Status.RELEASED;
        }
    }

    record Target(long productId, String mitigationServer, int revision, PatternDeployment.Result result,
                  String detail, Instant fetchedAt, Instant reportedAt) {
    }

    /** A case the upload form offers. */
    record WaitingCase(long id, String accountName, String endpoint, String vendorCaseId) {
    }

    private final PatternListing listing;
    private final CaseQueries cases;
    private final AccountLookup accounts;

    PatternsPage(PatternListing listing, CaseQueries cases, AccountLookup accounts) {
        this.listing = listing;
        this.cases = cases;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    Page<Row> rows(Long accountId, CleanupPattern.Status status, int page) {
        Page<CleanupPattern> patterns = listing.find(accountId, status, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        Map<Long, List<Target>> targets = patterns.isEmpty() ? Map.of()
                : listing.deploymentsOf(patterns.map(CleanupPattern::id).toList()).stream()
                .collect(Collectors.groupingBy(PatternDeployment::patternId, Collectors.mapping(d -> new Target(
                        d.productId(), d.mitigationServer(), d.revision(), d.result(), d.detail(), d.fetchedAt(),
                        d.reportedAt()), Collectors.toList())));
        Map<Long, String> names = accounts.namesOf(patterns.map(CleanupPattern::accountId).toSet());
        return patterns.map(p -> new Row(p.id(), p.caseId(), p.accountId(), names.getOrDefault(p.accountId(),
                "#" + p.accountId()), p.patternName(), p.revision(), p.status(), p.fileName(), p.size(), p.sha256(),
                p.uploadedBy(), p.uploadedAt(), p.releasedBy(), p.releasedAt(), targets.getOrDefault(p.id(), List.of())));
    }

    @Transactional(readOnly = true)
    List<WaitingCase> waitingForPattern() {
        List<MitigationCase> waiting = cases.findByStatusOrderByIdAsc(CaseStatus.AWAITING_PATTERN);
        Set<Long> accountIds = new HashSet<>();
        waiting.forEach(c -> accountIds.add(c.accountId()));
        Map<Long, String> names = accountIds.isEmpty() ? Map.of() : accounts.namesOf(accountIds);
        return waiting.stream().map(c -> new WaitingCase(c.id(), names.getOrDefault(c.accountId(), "#" + c.accountId()),
                CaseWork.endpoint(c), c.vendorCaseId())).toList();
    }

    /** The accounts that have patterns, for the filter: id to name. */
    @Transactional(readOnly = true)
    Map<Long, String> filterAccounts() {
        List<Long> ids = listing.accountIds();
        return ids.isEmpty() ? Map.of() : accounts.namesOf(ids);
    }
}
