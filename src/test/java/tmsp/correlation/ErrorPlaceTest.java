package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPlaceTest {

    private static final String DRL = String.join("\n",
            "package tmsp.rules.x",
            "rule \"r\" @id(\"r\") @severity(\"low\")",
            "when",
            "    $d : DetectionFact()",
            "then",
            "    int n = 1;",
            "    nonsense(n);",
            "end",
            "rule \"s\"",
            "then nonsense(2);",
            "end");

    @Test
    void aConsequenceErrorReportedAtTheRuleMovesToTheFirstUseOfTheNameItNames() {
        assertThat(ErrorPlace.of(DRL, 2, 0, "Rule Compilation error The method nonsense() is undefined for the type Rule_r1"))
                .containsExactly(7, 5);
        assertThat(ErrorPlace.of(DRL, 2, 0, "Rule Compilation error y cannot be resolved to a variable"))
                .as("a name the rule does not use keeps the rule's line").containsExactly(2, 0);
    }

    @Test
    void theSearchStopsAtTheEndOfTheRuleAndKnownColumnsAreKept() {
        assertThat(ErrorPlace.of(DRL, 4, 0, "The method other() is undefined")).containsExactly(4, 0);
        assertThat(ErrorPlace.of(DRL, 2, 3, "The method nonsense() is undefined")).containsExactly(2, 3);
        assertThat(ErrorPlace.of(DRL, 99, 0, "The method nonsense() is undefined")).containsExactly(99, 0);
    }
}
