package tmsp.mitigation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tmsp.identity.AccountAccess;
import tmsp.mitigation.CaseStatus;

/** Forensic cases for scripts. Another account's case answers 404 like a missing one. */
@RestController
@RequestMapping("/api/v1/mitigation-cases")
@Tag(name = "Mitigation cases", description = "Forensic cases opened by the samples mitigators upload")
class MitigationCaseApiController {

    /** {@code patternName}: the case's current cleanup pattern (the newest not withdrawn), or null. */
    record CaseJson(long caseId, long accountId, String vendorCaseId, CaseStatus status, Instant receivedAt,
                    Instant updatedAt, String mitigationServer, String endpointIp, String endpointHost,
                    String patternName, long sampleSize, String sampleSha256) {
    }

    private final CaseDetails details;
    private final AccountAccess access;

    MitigationCaseApiController(CaseDetails details, AccountAccess access) {
        this.details = details;
        this.access = access;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One forensic case: its status, the vendor's case ID (null until issued), the endpoint, the"
            + " mitigator that uploaded the sample, the sample's size and SHA-256 and the current cleanup pattern;"
            + " ADMIN, ANALYST or the account's CUSTOMER, 404 for an unknown case or another account's")
    CaseJson get(@PathVariable long id, Authentication authentication) {
        CaseDetails.CaseView c = details.find(id).filter(v -> access.mayView(authentication, v.accountId()))
                .orElseThrow(() -> new CaseNotFound(id));
        return new CaseJson(c.id(), c.accountId(), c.vendorCaseId(), c.status(), c.receivedAt(), c.updatedAt(),
                c.mitigationServer(), c.endpointIp(), c.endpointHost(), c.patternName(), c.sampleSize(),
                c.sampleSha256());
    }
}
