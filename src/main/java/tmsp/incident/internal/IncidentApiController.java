package tmsp.incident.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tmsp.identity.AccountAccess;
import tmsp.identity.CurrentUser;
import tmsp.incident.IncidentStatus;

/** Incidents for scripts. Errors are problem details; another account's incident answers 404 like a missing one. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incidents", description = "Incidents raised by correlation, their evidence, life cycle and consolidated logs")
class IncidentApiController {

    record IncidentPage(List<IncidentView> items, long total, int page, int size) {
        static IncidentPage of(Page<IncidentView> page) {
            return new IncidentPage(page.getContent(), page.getTotalElements(), page.getNumber(), page.getSize());
        }
    }

    record IncidentDetail(@JsonUnwrapped IncidentView incident, IncidentQuery.EvidencePage evidence) {
    }

    record StatusChange(String status) {
    }

    private final IncidentQuery query;
    private final IncidentLifeCycle lifeCycle;
    private final ConsolidatedLogs logs;
    private final AccountAccess access;
    private final ZoneId zone;

    IncidentApiController(IncidentQuery query, IncidentLifeCycle lifeCycle, ConsolidatedLogs logs,
                          AccountAccess access, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.query = query;
        this.lifeCycle = lifeCycle;
        this.logs = logs;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/accounts/{id}/incidents")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    @Operation(summary = "The account's incidents overlapping [from, to), newest last seen first; filter by severity,"
            + " rule and status; from/to are dates (whole days in the portal's zone) or ISO times with offset;"
            + " suppressed=false (default: incidents no rule exception suppresses), true (only suppressed ones, each"
            + " naming its exception in suppressedByException and suppressedReason) or any")
    IncidentPage list(@PathVariable Long id, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(required = false) String severity,
                      @RequestParam(required = false) String rule, @RequestParam(required = false) String status,
                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                      @RequestParam(required = false) String suppressed) {
        return IncidentPage.of(query.find(IncidentCriteria.parse(id, from, to, severity, rule, status, page, size,
                null, zone).with(IncidentCriteria.Suppressed.parse(suppressed))));
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "One incident with one page of its evidence detections (raw lines included); a suppressed"
            + " one has suppressed=true and names the rule exception that matched it (suppressedByException,"
            + " suppressedReason)")
    IncidentDetail get(@PathVariable long id, @RequestParam(required = false) Integer evidencePage,
                       @RequestParam(required = false) Integer evidenceSize, Authentication authentication) {
        IncidentView incident = visible(id, authentication);
        int page = evidencePage == null ? 0 : evidencePage;
        int size = evidenceSize == null ? IncidentCriteria.DEFAULT_SIZE : evidenceSize;
        if (page < 0) {
            throw new BadIncidentRequest("evidencePage", "evidencePage must be 0 or more");
        }
        if (size < 1 || size > IncidentCriteria.MAX_SIZE) {
            throw new BadIncidentRequest("evidenceSize", "evidenceSize must be between 1 and " + IncidentCriteria.MAX_SIZE);
        }
        return new IncidentDetail(incident, query.evidence(incident, page, size));
    }

    @PostMapping("/incidents/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Acknowledge, resolve or reopen: {\"status\": \"ACKNOWLEDGED\" | \"RESOLVED\" | \"OPEN\"};"
            + " 409 when the life cycle does not allow it (a resolved incident is reopened before it is acknowledged)")
    IncidentView changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        IncidentStatus to = IncidentCriteria.status(change == null ? null : change.status());
        if (to == null) {
            throw new BadIncidentRequest("status", "status must be one of OPEN, ACKNOWLEDGED, RESOLVED");
        }
        lifeCycle.change(id, to, CurrentUser.name());
        return query.get(id).orElseThrow(() -> new IncidentNotFound(id));
    }

    @GetMapping(value = "/accounts/{id}/consolidated-logs", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    @Operation(summary = "The account's incidents overlapping [from, to) with their evidence detections, streamed:"
            + " CSV (one line per evidence detection) or JSON; default the last 30 days")
    ResponseEntity<StreamingResponseBody> consolidatedLogs(@PathVariable Long id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "csv") String format) {
        ConsolidatedLogs.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ConsolidatedLogs.Format.CSV;
            case "json" -> ConsolidatedLogs.Format.JSON;
            default -> throw new BadIncidentRequest("format", "format must be csv or json");
        };
        ConsolidatedRange range = ConsolidatedRange.of(from, to, zone);
        String name = "consolidated-logs-" + id + "-" + range.label() + "." + f.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(f == ConsolidatedLogs.Format.CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .body(out -> logs.write(id, range.from(), range.to(), f, out));
    }

    private IncidentView visible(long id, Authentication authentication) {
        return query.get(id).filter(i -> access.mayView(authentication, i.accountId()))
                .orElseThrow(() -> new IncidentNotFound(id));
    }
}
