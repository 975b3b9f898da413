package tmsp.correlation.authoring.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetStore;

/** Which rule set version is published (the database's truth) and which one this node correlates with. */
@RestController
@Tag(name = "Rule sets", description = "The published correlation rule set version")
class PublishedRuleSetApiController {

    record PublishedRuleSet(
            @Schema(description = "The published version's label", example = "v5") String version,
            @Schema(description = "Its id, as in /rules/versions/{id}/diff", example = "12") long versionId,
            @Schema(description = "When it was published") Instant publishedAt,
            @Schema(description = "The version this node correlates with now; another node may lag behind by up to"
                    + " tmsp.rules.refresh", example = "v5") String inUseOnThisNode) {
    }

    private final RuleDrafts drafts;
    private final CorrelationRules rules;

    PublishedRuleSetApiController(RuleDrafts drafts, CorrelationRules rules) {
        this.drafts = drafts;
        this.rules = rules;
    }

    @GetMapping("/api/v1/rule-sets/published")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @Operation(summary = "The published rule set version, and the one this node uses",
            responses = {@ApiResponse(responseCode = "200", description = "The published version"),
                    @ApiResponse(responseCode = "403", description = "Customers do not see rule sets"),
                    @ApiResponse(responseCode = "404", description = "No version is published yet")})
    PublishedRuleSet published() {
        String inUse = rules.current().version();
        RuleSetStore.VersionRow published = drafts.versions().stream().filter(v -> "PUBLISHED".equals(v.state()))
                .findFirst().orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
        return new PublishedRuleSet(published.label(), published.id(), published.publishedAt(), inUse);
    }
}
