package tmsp.mitigation.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.mitigation.CaseStatus;
import tmsp.mitigation.CaseStep;

/**
 * One case as its page and the API show it: the case, its history, its patterns and where each went. Four
 * statements whatever the number of patterns (the deployments of all of them in one).
 */
@Component
class CaseDetails {

    /** The case's fields; {@code patternName} is its current pattern (the newest not withdrawn), or null. */
    record CaseView(long id, long accountId, String vendorCaseId, CaseStatus status, Instant receivedAt,
                    Instant updatedAt, String mitigationServer, String endpointIp, String endpointHost,
                    String sampleName, long sampleSize, String sampleSha256, String patternName,
                    Integer patternRevision) {
        public String endpoint() {
            return Endpoints.label(endpointIp, endpointHost);
        }
    }

    record Step(Instant at, String actor, CaseStep step, String details) {
    }

    record Deployment(String mitigationServer, int revision, PatternDeployment.Result result, String detail,
                      Instant fetchedAt, Instant reportedAt) {
    }

    record Pattern(long id, String name, int revision, CleanupPattern.Status status, String fileName, long size,
                   String sha256, Instant uploadedAt, String uploadedBy, Instant releasedAt, String releasedBy,
                   List<Deployment> deployments) {
    }

    record Details(CaseView mitigationCase, List<Step> history, List<Pattern> patterns) {
    }

    private final MitigationCases cases;
    private final CaseSteps steps;
    private final CleanupPatterns patterns;
    private final EntityManager entities;

    CaseDetails(MitigationCases cases, CaseSteps steps, CleanupPatterns patterns, EntityManager entities) {
        this.cases = cases;
        this.steps = steps;
        this.patterns = patterns;
        this.entities = entities;
    }

    /** The case without its history: what the API answers. */
    @Transactional(readOnly = true)
    Optional<CaseView> find(long caseId) {
        return cases.findById(caseId).map(c -> view(c, patterns.findByCaseIdOrderByIdDesc(caseId)));
    }

    @Transactional(readOnly = true)
    Optional<Details> details(long caseId) {
        return cases.findById(caseId).map(c -> {
            List<CleanupPattern> ofCase = patterns.findByCaseIdOrderByIdDesc(caseId);
            Map<Long, List<Deployment>> deployments = deployments(ofCase);
            return new Details(view(c, ofCase),
                    steps.findByCaseIdOrderByAtAscIdAsc(caseId).stream()
                            .map(s -> new Step(s.at(), s.actor(), s.step(), s.details())).toList(),
                    ofCase.stream().map(p -> new Pattern(p.id(), p.patternName(), p.revision(), p.status(),
                            p.fileName(), p.size(), p.sha256(), p.uploadedAt(), p.uploadedBy(), p.releasedAt(),
                            p.releasedBy(), deployments.getOrDefault(p.id(), List.of()))).toList());
        });
    }

    private Map<Long, List<Deployment>> deployments(List<CleanupPattern> ofCase) {
        if (ofCase.isEmpty()) {
            return Map.of();
        }
        List<PatternDeployment> all = entities.createQuery("select d from PatternDeployment d "
                        + "where d.key.patternId in :ids order by d.mitigationServer", PatternDeployment.class)
                .setParameter("ids", ofCase.stream().map(CleanupPattern::id).toList())
                .getResultList();
        return all.stream().collect(Collectors.groupingBy(PatternDeployment::patternId,
                Collectors.mapping(d -> new Deployment(d.mitigationServer(), d.revision(), d.result(), d.detail(),
                        d.fetchedAt(), d.reportedAt()), Collectors.toList())));
    }

    private static CaseView view(MitigationCase c, List<CleanupPattern> ofCase) {
        CleanupPattern current = ofCase.stream().filter(p -> p.status() != CleanupPattern.Status.WITHDRAWN)
                .findFirst().orElse(null);
        return new CaseView(c.id(), c.accountId(), c.vendorCaseId(), c.status(), c.receivedAt(), c.updatedAt(),
                c.mitigationServer(), c.endpointIp(), c.endpointHost(), c.sampleName(), c.sampleSize(),
                c.sampleSha256(), current == null ? null : current.patternName(),
                current == null ? null : current.revision());
    }
}
