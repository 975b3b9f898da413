package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.at;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.compile;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.findings;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tmsp.correlation.DetectionFact;

/** Base-rule detections: which of a set of detections a selection and condition match, run through the engine. */
class SigmaDetectionTest {

    static final List<DetectionFact> DETECTIONS = List.of(
            at(1, 1, 0).eventName("Mimikatz run").src("10.1.2.3", "pc-1", 445).user("alice").build(),
            at(2, 1, 1).eventName("mimikatz RUN").src("192.168.0.9", "pc-2", 80).user(null).build(),
            at(3, 1, 2).eventName("whoami /all").src("2001:db8::7", "pc-3", 445).user("bob").build(),
            at(4, 1, 3).eventName("net user x").threatName("C&C 42").src("10.9.9.9", "pc-4", 22).user("eve").build(),
            at(5, 1, 4).eventName("Benign").src("172.16.0.1", "pc-5", 445).user("alice").build());

    /** The ids of {@link #DETECTIONS} that the base rule's detection section matches. */
    static Set<Long> matched(String detection) {
        String yaml = """
                title: Probe
                correlation: {type: event_count, rules: [probe], timespan: 1h, condition: {gte: 1}}
                ---
                title: Probe base
                name: probe
                detection:
                %s
                """.formatted(detection.indent(4).stripTrailing());
        Set<Long> ids = new TreeSet<>();
        findings(compile(yaml), "sigma-probe", DETECTIONS).forEach(f -> ids.addAll(f.detectionIds()));
        return ids;
    }

    @Test
    void equalityIgnoresCaseAndListsAreAlternatives() {
        assertThat(matched("sel:\n  eventName: [mimikatz run, BENIGN]\ncondition: sel")).containsExactly(1L, 2L, 5L);
    }

    @Test
    void allRequiresEveryValue() {
        assertThat(matched("sel:\n  eventName|contains|all: [mimi, run]\ncondition: sel")).containsExactly(1L, 2L);
        assertThat(matched("sel:\n  eventName|contains|all: [mimi, who]\ncondition: sel")).isEmpty();
    }

    @Test
    void mapsAreAndListsOfMapsAreOr() {
        assertThat(matched("sel:\n  eventName|startswith: mimikatz\n  user: alice\ncondition: sel"))
                .containsExactly(1L);
        assertThat(matched("sel:\n  - eventName|endswith: /ALL\n  - user: eve\ncondition: sel"))
                .containsExactly(3L, 4L);
    }

    @Test
    void notAndParenthesesAndNull() {
        assertThat(matched("sel:\n  eventName|contains: mimikatz\nfilter:\n  user: null\ncondition: sel and not filter"))
                .containsExactly(1L);
        assertThat(matched("a:\n  user: alice\nb:\n  srcPort: 445\nc:\n  eventName: benign\n"
                + "condition: (a or b) and not c")).containsExactly(1L, 3L);
        assertThat(matched("a:\n  user: alice\nb:\n  srcPort: 445\nc:\n  eventName: benign\n"
                + "condition: a or b and not c")).as("and binds tighter").containsExactly(1L, 3L, 5L);
    }

    @Test
    void oneOfAndAllOfPatternsAndThem() {
        String selections = "sel_a:\n  user: alice\nsel_b:\n  srcPort: 445\n_hidden:\n  eventName: nothing\n";
        assertThat(matched(selections + "condition: 1 of sel_*")).containsExactly(1L, 3L, 5L);
        assertThat(matched(selections + "condition: all of sel_*")).containsExactly(1L, 5L);
        assertThat(matched(selections + "condition: all of them")).as("_hidden left out").containsExactly(1L, 5L);
        assertThat(matched(selections + "condition: all of sel_* and not 1 of _h*")).containsExactly(1L, 5L);
    }

    @Test
    void wildcardsRegularExpressionsAndCidr() {
        assertThat(matched("sel:\n  eventName: 'mimi*r?n'\ncondition: sel")).containsExactly(1L, 2L);
        assertThat(matched("sel:\n  threatName|re: '^C&C \\d+$'\ncondition: sel")).containsExactly(4L);
        assertThat(matched("sel:\n  eventName|re: 'mimikatz'\ncondition: sel")).as("case-sensitive").containsExactly(2L);
        assertThat(matched("sel:\n  srcAddress|cidr: [10.0.0.0/8, '2001:db8::/32']\ncondition: sel"))
                .containsExactly(1L, 3L, 4L);
    }

    @Test
    void severalConditionsAreAlternatives() {
        assertThat(matched("a:\n  user: bob\nb:\n  user: eve\ncondition: [a, b]")).containsExactly(3L, 4L);
    }
}
