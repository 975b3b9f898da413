package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.correlation.authoring.RuleSetStore;
import tmsp.support.IntegrationTest;

/** The published rule set lives in the database; every node compiles the version published there. */
@IntegrationTest
class RuleSetVersionsIT {

    @Autowired CorrelationRules rules;
    @Autowired RuleSetStore store;
    @Autowired JdbcTemplate jdbc;

    private final Map<String, String> shipped = ShippedRules.all();

    @AfterEach
    void publishTheShippedRulesAgain() {
        if (!store.published().orElseThrow().files().equals(shipped)
                || !store.published().orElseThrow().overrides().isEmpty()) {
            store.publish(shipped, Map.of(), "test", "test", "back to the shipped rules");
            rules.refresh();
        }
    }

    @Test
    void theShippedFilesAreTheFirstVersionAndEveryNodeCompilesThePublishedOne() throws IOException {
        RuleSetStore.StoredVersion published = store.published().orElseThrow();

        assertThat(jdbc.queryForObject("select author from rule_set_versions where number = 1", String.class))
                .isEqualTo("tmsp");
        assertThat(jdbc.queryForObject("select count(*) from rule_set_files f join rule_set_versions v"
                + " on v.id = f.version_id where v.number = 1", Integer.class)).isEqualTo(shipped.size());
        assertThat(published.files()).isEqualTo(shipped);
        assertThat(rules.current().version()).isEqualTo(published.label());

        CorrelationRules secondNode = new CorrelationRules(new PathMatchingResourcePatternResolver(),
                "file:rules", store);

        assertThat(secondNode.current().version()).isEqualTo(published.label());
        assertThat(jdbc.queryForObject("select count(*) from rule_set_versions where number = 1", Integer.class))
                .as("a second node seeds nothing").isOne();
    }

    @Test
    void aNewlyPublishedVersionIsPickedUpWithinSeconds() throws IOException {
        CorrelationRules secondNode = new CorrelationRules(new PathMatchingResourcePatternResolver(),
                "file:rules", store);
        CompiledRules inUseByARun = rules.current();

        RuleSetStore.StoredVersion next = store.publish(shipped, Map.of("malware-outbreak.hosts", "5"), "alice",
                "bob", "outbreaks from five hosts");

        await().atMost(Duration.ofSeconds(15)).until(() -> rules.current().version().equals(next.label()));
        assertThat(parameter(rules.current(), "malware-outbreak", "hosts")).isEqualTo("5");
        assertThat(parameter(inUseByARun, "malware-outbreak", "hosts")).as("a run keeps what it started with")
                .isEqualTo("3");
        secondNode.refresh();
        assertThat(secondNode.current().version()).isEqualTo(next.label());
        assertThat(jdbc.queryForList("select state from rule_set_versions where number is not null order by number",
                String.class))
                .containsOnlyOnce("PUBLISHED").last().isEqualTo("PUBLISHED");
    }

    @Test
    void aVersionCompiledAheadInReviewIsSwappedInWithoutCompilingAgain() throws IOException {
        CorrelationRules secondNode = new CorrelationRules(new PathMatchingResourcePatternResolver(),
                "file:rules", store);
        Map<String, String> fourHosts = Map.of("malware-outbreak.hosts", "4");
        secondNode.prepare(shipped, fourHosts); // what ReviewPreparation does on every node while it is in review
        CompiledRules ahead = secondNode.preparedFor(shipped, fourHosts).orElseThrow();

        RuleSetStore.StoredVersion next = store.publish(shipped, fourHosts, "alice", "bob", "outbreaks from four hosts");
        secondNode.refresh();

        assertThat(secondNode.current().version()).isEqualTo(next.label());
        assertThat(secondNode.current().kieBase()).as("the compilation made in review").isSameAs(ahead.kieBase());
        assertThat(parameter(secondNode.current(), "malware-outbreak", "hosts")).isEqualTo("4");
        assertThat(secondNode.preparedFor(shipped, Map.of("malware-outbreak.hosts", "6"))).isEmpty();
    }

    @Test
    void aPublishedVersionThatDoesNotCompileLeavesThePreviousInUse() {
        String before = rules.current().version();
        Map<String, String> broken = new HashMap<>(shipped);
        broken.put("broken.drl", "package tmsp.rules.broken\nrule \"b\" @id(\"b\") @severity(\"low\") when then nonsense(; end");

        store.publish(broken, Map.of(), "mallory", null, "written straight into the database");
        rules.refresh();
        rules.refresh();

        assertThat(rules.current().version()).isEqualTo(before);
    }

    private static String parameter(CompiledRules compiled, String ruleId, String name) {
        return compiled.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow()
                .parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
    }
}
