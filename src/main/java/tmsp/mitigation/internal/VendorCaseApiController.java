package tmsp.mitigation.internal;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/mitigation-cases/{id}/vendor-case {"vendorCaseId": "..."}} (ADMIN): the vendor's case ID for
 * a case whose process waits for it; 409 when it does not (any more), 400 for a malformed ID, 404 for no case.
 */
@RestController
class VendorCaseApiController {

    record VendorCase(String vendorCaseId) {
    }

    private final CaseWork cases;

    VendorCaseApiController(CaseWork cases) {
        this.cases = cases;
    }

    @PostMapping(path = "/api/v1/mitigation-cases/{id}/vendor-case", consumes = "application/json")
    Map<String, Object> open(@PathVariable long id, @RequestBody VendorCase body, Authentication authentication) {
        String vendorCaseId = body == null || body.vendorCaseId() == null ? null : body.vendorCaseId().strip();
        return Map.of("caseId", id, "vendorCaseId", String.valueOf(vendorCaseId),
                "status", cases.openVendorCase(id, vendorCaseId, authentication.getName()).name());
    }
}
