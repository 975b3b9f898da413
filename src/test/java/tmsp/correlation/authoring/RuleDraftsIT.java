package tmsp.correlation.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleException;
import tmsp.correlation.RuleProblem;
import tmsp.support.IntegrationTest;
import tmsp.support.RuleSets;

/** Drafts on PostgreSQL: edited, checked, submitted, reviewed by a second person, published and swapped in. */
@IntegrationTest
class RuleDraftsIT {

    @Autowired RuleDrafts drafts;
    @Autowired RuleSetStore store;
    @Autowired CorrelationRules rules;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReviewPreparation preparation;

    @AfterEach
    void publishTheFirstVersionAgain() {
        RuleSets.publishTheFirstVersionAgain(store, jdbc, rules);
    }

    @Test
    void aDraftCopiesThePublishedVersionAndCheckMarksAnErrorAtItsLine() {
        RuleSetDraft draft = drafts.create("alice", null, "lower the outbreak threshold");

        assertThat(draft.editable()).isTrue();
        assertThat(draft.label()).isEqualTo("draft #" + draft.id());
        assertThat(draft.files()).isEqualTo(store.published().orElseThrow().files());
        assertThat(drafts.check(draft.id()).ok()).isTrue();

        String outbreak = draft.files().get("outbreak.drl");
        String broken = outbreak.replaceFirst("then\n", "then\n        nonsense(;\n");
        drafts.saveFile(draft.id(), "outbreak.drl", broken, "alice");
        CheckResult check = drafts.check(draft.id());

        int brokenLine = lineOf(broken, "nonsense(;");
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).extracting(RuleProblem::file).containsOnly("outbreak.drl");
        assertThat(check.problems()).as(check.problems().toString()).extracting(RuleProblem::line).contains(brokenLine);
    }

    @Test
    void theConfinementIsPartOfCheckWithLineAndColumn() {
        RuleSetDraft draft = drafts.create("alice", null, null);
        drafts.saveFile(draft.id(), "evil.drl", "package tmsp.rules.evil\n\nimport java.io.File;\n", "alice");

        CheckResult check = drafts.check(draft.id());

        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("evil.drl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).as("the import statement").isEqualTo(1);
        });
    }

    @Test
    void parametersAreCheckedAgainstTheirRules() {
        RuleSetDraft draft = drafts.create("alice", null, null);

        assertThatThrownBy(() -> drafts.saveParameters(draft.id(), Map.of("malware-outbreak.hosts", "0"), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hosts");
        assertThatThrownBy(() -> drafts.saveParameters(draft.id(), Map.of("no-such-rule.hosts", "3"), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule.hosts");
        assertThatThrownBy(() -> drafts.saveFile(draft.id(), "../etc/passwd.drl", "x", "alice"))
                .isInstanceOf(IllegalArgumentException.class);

        RuleSetDraft saved = drafts.saveParameters(draft.id(),
                Map.of("malware-outbreak.hosts", "5", "malware-outbreak.window", "1h"), "alice");
        assertThat(saved.overrides()).containsEntry("malware-outbreak.hosts", "5")
                .doesNotContainKey("malware-outbreak.window"); // the default is not stored
    }

    @Test
    void anApprovedDraftIsPublishedAndSwappedInButNeverByItsAuthor() {
        RuleSetDraft draft = drafts.create("alice", null, "five hosts");
        drafts.saveParameters(draft.id(), Map.of("malware-outbreak.hosts", "5"), "alice");
        drafts.addException(draft.id(), new RuleException(null, "malware-outbreak", RuleException.Kind.CIDR,
                "10.9.0.0/16", null, "the lab", null), "alice");

        drafts.submit(draft.id(), "alice", "outbreaks from five hosts", null);
        await().atMost(Duration.ofSeconds(60)).alias("compiled ahead of its publication")
                .until(() -> preparation.prepared().contains(draft.id()));

        assertThatThrownBy(() -> drafts.saveFile(draft.id(), "x.drl", "package tmsp.rules.x\n", "alice"))
                .isInstanceOf(DraftNotEditable.class);
        assertThatThrownBy(() -> drafts.approve(draft.id(), "alice", "looks fine"))
                .isInstanceOf(FourEyesRequired.class);

        RuleSetDraft published = drafts.approve(draft.id(), "bob", "agreed");

        assertThat(published.state()).isEqualTo("PUBLISHED");
        assertThat(published.reviewer()).isEqualTo("bob");
        assertThat(rules.current().version()).isEqualTo(published.label());
        assertThat(store.published().orElseThrow().exceptions()).singleElement()
                .satisfies(e -> assertThat(e.pattern()).isEqualTo("10.9.0.0/16"));
        assertThat(jdbc.queryForList("select details from audit_events where target = ?", String.class,
                "rule set " + published.label())).anyMatch(d -> d.startsWith("approved and published"));
    }

    @Test
    void aRejectedDraftGoesBackToItsAuthorAndABrokenOneIsNeverSubmitted() {
        RuleSetDraft draft = drafts.create("alice", null, null);
        drafts.submit(draft.id(), "alice", null, null);

        assertThatThrownBy(() -> drafts.reject(draft.id(), "bob", " ")).isInstanceOf(IllegalArgumentException.class);
        RuleSetDraft rejected = drafts.reject(draft.id(), "bob", "explain the threshold");

        assertThat(rejected.state()).isEqualTo("DRAFT");
        assertThat(rejected.reviewComment()).isEqualTo("explain the threshold");
        drafts.saveFile(draft.id(), "broken.drl", "package tmsp.rules.b\nrule \"b\" @id(\"b\") @severity(\"low\")"
                + " when then nonsense(; end", "alice");
        assertThatThrownBy(() -> drafts.submit(draft.id(), "alice", null, null))
                .isInstanceOf(RuleCompilationException.class);
        assertThat(drafts.get(draft.id()).state()).isEqualTo("DRAFT");
    }

    @Test
    void anEarlierVersionIsRestoredThroughADraft() {
        long first = jdbc.queryForObject("select id from rule_set_versions where number = 1", Long.class);

        RuleSetDraft restore = drafts.create("alice", first, "back to v1");

        assertThat(restore.baseVersionId()).isEqualTo(first);
        assertThat(restore.files()).isEqualTo(store.load(first).files());
        assertThatThrownBy(() -> drafts.create("alice", 987654321L, null)).isInstanceOf(DraftNotFound.class);
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
