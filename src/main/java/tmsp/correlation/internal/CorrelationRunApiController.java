package tmsp.correlation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tmsp.identity.AccountAccess;
import tmsp.identity.CurrentUser;

/** Correlation runs for scripts. Refusals are problem details ({@link RunRefused}). */
@RestController
@Tag(name = "Correlation runs", description = "Correlate an account's day of detections on demand, and follow the run")
class CorrelationRunApiController {

    /** The body of a request; {@code day} may be left out (yesterday in the configured zone). */
    record RunRequest(@Schema(description = "YYYY-MM-DD; default yesterday in tmsp.correlation.zone",
            example = "2026-11-30") String day) {
    }

    private final CorrelationRequests requests;
    private final CorrelationRuns runs;
    private final AccountAccess access;

    CorrelationRunApiController(CorrelationRequests requests, CorrelationRuns runs, AccountAccess access) {
        this.requests = requests;
        this.runs = runs;
        this.access = access;
    }

    @PostMapping("/api/v1/accounts/{id}/correlation-runs")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @Operation(summary = "Queue a correlation of the account's day; its job runs asynchronously",
            responses = {@ApiResponse(responseCode = "202", description = "Queued; Location names the run"),
                    @ApiResponse(responseCode = "400", description = "day is not a date or lies in the future"),
                    @ApiResponse(responseCode = "404", description = "No such account")})
    ResponseEntity<RunView> request(@PathVariable Long id, @RequestBody(required = false) RunRequest body) {
        CorrelationRun run = requests.request(id, body == null ? null : body.day(), CurrentUser.name());
        return ResponseEntity.accepted().location(URI.create("/api/v1/correlation-runs/" + run.getId()))
                .body(RunView.of(run));
    }

    @GetMapping("/api/v1/correlation-runs/{runId}")
    @Operation(summary = "A correlation run: status (QUEUED, RUNNING, DONE, FAILED), rule-set version and counts; "
            + "a customer sees only its own account's")
    RunView get(@PathVariable long runId, Authentication authentication) {
        return runs.findById(runId).filter(run -> access.mayView(authentication, run.getAccountId()))
                .map(RunView::of).orElseThrow(() -> RunRefused.noRun(runId));
    }
}
