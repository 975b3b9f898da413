package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.convert;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construct outside the supported subset is refused with a reason naming it and where it is. */
class SigmaRefusalsTest {

    /** An event_count over a base rule whose selection is {@code selection} and condition {@code condition}. */
    static String base(String selection, String condition) {
        return """
                title: Counted
                correlation:
                    type: event_count
                    rules: [base]
                    group-by: [User]
                    timespan: 1h
                    condition: {gte: 5}
                ---
                title: Base
                name: base
                detection:
                    selection:
                %s
                    condition: %s
                """.formatted(selection.indent(8).stripTrailing(), condition);
    }

    static String correlation(String body) {
        return """
                title: Counted
                correlation:
                %s
                ---
                title: Base
                name: base
                detection:
                    selection:
                        eventName: x
                    condition: selection
                """.formatted(body.indent(4).stripTrailing());
    }

    static final String COUNT = "type: event_count\nrules: [base]\ngroup-by: [User]\n";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("base64 modifier", base("eventName|base64: abc", "selection"),
                        "selection 'selection', field 'eventName': the modifier 'base64' is not supported"),
                Arguments.of("windash modifier", base("eventName|windash|contains: -x", "selection"),
                        "the modifier 'windash'"),
                Arguments.of("cased modifier", base("eventName|cased: X", "selection"), "the modifier 'cased'"),
                Arguments.of("re sub-modifier", base("eventName|re|i: x", "selection"), "the modifier 'i'"),
                Arguments.of("two matchers", base("eventName|contains|startswith: x", "selection"),
                        "the modifier 'startswith' is not supported after 'contains'"),
                Arguments.of("near", base("eventName: x", "selection near selection"), "unexpected 'near'"),
                Arguments.of("aggregation", base("eventName: x", "selection | count() > 5"),
                        "an aggregation in the condition ('|')"),
                Arguments.of("2 of", base("eventName: x", "2 of selection*"), "'2 of' is not supported"),
                Arguments.of("unknown selection", base("eventName: x", "selection and filter"),
                        "no selection is named 'filter'"),
                Arguments.of("unclosed parenthesis", base("eventName: x", "(selection"), "a '(' is not closed"),
                Arguments.of("timeframe", base("eventName: x", "selection\n    timeframe: 5m"),
                        "'timeframe' in a detection"),
                Arguments.of("keyword list", """
                        title: C
                        correlation: {type: event_count, rules: [base], timespan: 1h, condition: {gte: 5}}
                        ---
                        title: Base
                        name: base
                        detection:
                            keywords: [evil, worse]
                            condition: keywords
                        """, "selection 'keywords': keyword search"),
                Arguments.of("unmapped field", base("EventID: 4625", "selection"),
                        "the field 'EventID' is not mapped to the detection model"),
                Arguments.of("field mapped to nothing real", base("Broken: x", "selection"),
                        "mapped to 'noSuchProperty', which is not a detection property"),
                Arguments.of("a boolean value", base("eventName: true", "selection"),
                        "a value of type true/false is not supported"),
                Arguments.of("a float value", base("eventName: 1.5", "selection"), "number 1.5"),
                Arguments.of("a map as value", base("eventName: {a: b}", "selection"), "a value of type map"),
                Arguments.of("null with contains", base("eventName|contains: null", "selection"),
                        "null with 'contains'"),
                Arguments.of("contains on a number", base("srcPort|contains: 44", "selection"),
                        "'srcPort' is a number"),
                Arguments.of("a bad regular expression", base("eventName|re: '(unclosed'", "selection"),
                        "the regular expression does not compile"),
                Arguments.of("a catastrophic regular expression", base("eventName|re: '(a+)+$'", "selection"),
                        "nests quantifiers"),
                Arguments.of("a bad cidr", base("SourceIp|cidr: 10.0.0.0/33", "selection"),
                        "'10.0.0.0/33' has no prefix length"),
                Arguments.of("a host name as cidr", base("SourceIp|cidr: example.com/8", "selection"),
                        "is not an IPv4 or IPv6 range"),
                Arguments.of("timespan in weeks", correlation(COUNT + "timespan: 1w\ncondition: {gte: 5}"),
                        "the timespan '1w' is not supported"),
                Arguments.of("timespan over 31 days", correlation(COUNT + "timespan: 32d\ncondition: {gte: 5}"),
                        "must lie between 1s and 31d"),
                Arguments.of("unknown type", correlation("type: sequence\nrules: [base]\ntimespan: 1h"),
                        "the correlation type 'sequence' is not supported"),
                Arguments.of("unknown condition", correlation(COUNT + "timespan: 1h\ncondition: {neq: 5}"),
                        "the condition 'neq' is not supported"),
                Arguments.of("two lower bounds", correlation(COUNT + "timespan: 1h\ncondition: {gt: 5, gte: 6}"),
                        "one comparison or a range"),
                Arguments.of("a negative threshold", correlation(COUNT + "timespan: 1h\ncondition: {gte: -1}"),
                        "a whole number from 0 to 10000000"),
                Arguments.of("no condition", correlation(COUNT + "timespan: 1h"), "event_count needs a condition"),
                Arguments.of("value_count without field",
                        correlation("type: value_count\nrules: [base]\ntimespan: 1h\ncondition: {gte: 5}"),
                        "value_count needs 'field'"),
                Arguments.of("unknown correlation key", correlation(COUNT + "timespan: 1h\ncondition: {gte: 5}\n"
                        + "ordered: true"), "the correlation key 'ordered' is not supported"),
                Arguments.of("unmapped group-by", correlation("type: event_count\nrules: [base]\ngroup-by: [Nope]\n"
                        + "timespan: 1h\ncondition: {gte: 5}"), "group-by 'Nope': the field 'Nope' is not mapped"),
                Arguments.of("partial temporal_ordered", correlation("type: temporal_ordered\nrules: [base]\n"
                        + "timespan: 1h\ncondition: {lt: 1}"), "temporal_ordered takes no condition"),
                Arguments.of("missing reference", correlation(COUNT.replace("[base]", "[5638f7c0-ac70-491d]")
                        + "timespan: 1h\ncondition: {gte: 5}"), "the rule '5638f7c0-ac70-491d' is not in the file"),
                Arguments.of("an ambiguous reference", correlation(COUNT + "timespan: 1h\ncondition: {gte: 5}")
                        + "---\ntitle: Again\nname: base\ndetection: {s: {eventName: y}, condition: s}\n",
                        "more than one rule of the file is named or numbered 'base'"),
                Arguments.of("a reference to a missing id", correlation(COUNT.replace("[base]", "['null']")
                        + "timespan: 1h\ncondition: {gte: 5}"), "the rule 'null' is not in the file"),
                Arguments.of("a Sigma filter document", "title: F\nfilter: {rules: [x]}\n", "'filter'"),
                Arguments.of("no correlation rule", """
                        title: Base
                        detection: {selection: {eventName: x}, condition: selection}
                        """, "the file has no correlation rule"),
                Arguments.of("no title", correlation(COUNT + "timespan: 1h\ncondition: {gte: 5}")
                        .replace("title: Counted\n", ""), "the title is missing"),
                Arguments.of("an unknown level", correlation(COUNT + "timespan: 1h\ncondition: {gte: 5}")
                        + "level: severe\n", "the level 'severe'"),
                // The specification's own complete example (specification/sigma-correlation-rules-specification.md,
                // "Failed Logins Followed by Successful Login") chains an event_count into a temporal_ordered.
                Arguments.of("the specification's chained example", SPEC_FULL_EXAMPLE,
                        "the rule 'multiple_failed_login' is a correlation rule: chained correlations are not supported"),
                Arguments.of("the specification's example fields", SPEC_FULL_EXAMPLE,
                        "the field 'EventID' is not mapped"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedNamingTheConstruct(String name, String yaml, String reason) {
        assertThatThrownBy(() -> convert(yaml)).isInstanceOfSatisfying(SigmaRefused.class,
                e -> assertThat(e.reasons()).anySatisfy(r -> assertThat(r).contains(reason)));
    }

    // From SigmaHQ sigma-specification, specification/sigma-correlation-rules-specification.md, section "Examples".
    static final String SPEC_FULL_EXAMPLE = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            description: Detects multiple failed logins by a single user followed by a successful login of that user
            references:
                - https://reference.com
            author: Florian Roth (Nextron Systems)
            date: 2023-06-16
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            falsepositives:
                - Unlikely
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            description: Detects multiple failed logins within a certain amount of time
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            description: Detects a successful login
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;
}
