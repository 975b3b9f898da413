package tmsp.correlation.authoring.backtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tmsp.identity.CurrentUser;

/** Rule tests for scripts: start one, poll it, cancel it. Refusals are problem details ({@link TestRefused}). */
@RestController
@Tag(name = "Rule tests", description = "Run a rule set draft beside the published rules over stored detections or "
        + "pasted lines, and see which incidents it adds, removes or changes; a test never records incidents")
class DraftTestApiController {

    /** Either an account and days, or pasted lines. */
    record TestRequest(
            @Schema(description = "the account whose stored detections are read", example = "1") Long accountId,
            @Schema(description = "first day, YYYY-MM-DD, in tmsp.correlation.zone", example = "2026-11-01") String from,
            @Schema(description = "last day, YYYY-MM-DD; at most 31 days in all", example = "2026-11-07") String to,
            @Schema(description = "log lines (CEF, LEEF or JSON, one per line) instead of stored detections; at most "
                    + "10,000 lines and 5 MB") String lines) {
    }

    private final DraftTests tests;

    DraftTestApiController(DraftTests tests) {
        this.tests = tests;
    }

    @PostMapping("/api/v1/rule-drafts/{id}/tests")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "Queue a test of the draft; it runs asynchronously",
            responses = {@ApiResponse(responseCode = "202", description = "Queued; Location names the test"),
                    @ApiResponse(responseCode = "400", description = "Days missing or not dates, to before from, more "
                            + "than 31 days, both or neither of accountId and lines, lines that do not parse"),
                    @ApiResponse(responseCode = "404", description = "No such draft or account"),
                    @ApiResponse(responseCode = "422", description = "The draft does not compile; problems lists why"),
                    @ApiResponse(responseCode = "503", description = "Too many tests waiting")})
    ResponseEntity<TestJson> start(@PathVariable long id, @RequestBody TestRequest body) {
        boolean pasted = body.lines() != null;
        if (pasted == (body.accountId() != null)) {
            throw TestRefused.badInput("Give either accountId with from and to, or lines", "ruletest.refused.source");
        }
        TestSummary test = pasted ? tests.overPastedLines(id, body.lines(), CurrentUser.name())
                : tests.overStoredDays(id, body.accountId(), body.from(), body.to(), CurrentUser.name());
        return ResponseEntity.accepted().location(URI.create("/api/v1/rule-draft-tests/" + test.testId()))
                .body(TestJson.of(test));
    }

    @GetMapping("/api/v1/rule-draft-tests/{testId}")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @Operation(summary = "A rule test: status (QUEUED, RUNNING, DONE, FAILED, CANCELLED), progress from 0 to 1, "
            + "and once done the added, removed, changed and unchanged incidents")
    TestJson get(@PathVariable long testId) {
        return tests.find(testId).map(TestJson::of).orElseThrow(() -> TestRefused.noTest(testId));
    }

    @PostMapping("/api/v1/rule-draft-tests/{testId}/cancel")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "Cancel a test: a queued one ends at once, a running one within a second",
            responses = {@ApiResponse(responseCode = "202", description = "Cancel requested"),
                    @ApiResponse(responseCode = "404", description = "No such test")})
    ResponseEntity<TestJson> cancel(@PathVariable long testId) {
        return ResponseEntity.accepted().body(TestJson.of(tests.cancel(testId)));
    }
}
