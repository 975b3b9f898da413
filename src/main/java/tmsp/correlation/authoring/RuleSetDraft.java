package tmsp.correlation.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tmsp.correlation.RuleException;

/**
 * A rule set version with its content, as the editor, the review and the tests see it: a draft (editable), in
 * review, published, or superseded.
 *
 * @param files      DRL text by file name
 * @param overrides  parameter values that differ from the rules' defaults, by {@code ruleId.parameter}
 */
public record RuleSetDraft(long id, Integer number, String state, String title, String author, Long baseVersionId,
                           Instant createdAt, Instant updatedAt, String comment, String reviewer,
                           String reviewComment, Instant publishedAt, String reviewProcessId,
                           Map<String, String> files, Map<String, String> overrides, List<RuleException> exceptions) {

    public String label() {
        return number == null ? "draft #" + id : "v" + number;
    }

    public boolean editable() {
        return "DRAFT".equals(state);
    }

    static RuleSetDraft of(RuleSetStore.VersionRow row, RuleSetStore.StoredVersion content) {
        return new RuleSetDraft(row.id(), row.number(), row.state(), row.title(), row.author(), row.baseVersionId(),
                row.createdAt(), row.updatedAt(), row.comment(), row.reviewer(), row.reviewComment(),
                row.publishedAt(), row.reviewProcessId(), content.files(), content.overrides(), content.exceptions());
    }
}
