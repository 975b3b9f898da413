package tmsp.correlation.authoring.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.at;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.compile;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.convert;
import static tmsp.correlation.authoring.sigma.SigmaTestSupport.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.RuleDefinition;

/**
 * Each supported correlation type, from the examples of SigmaHQ's sigma-specification
 * (specification/sigma-correlation-rules-specification.md, v2.0). The correlation documents are the specification's;
 * the base rules they refer to are not in it, so each test adds one on fields of the detection model.
 */
class SigmaCorrelationTypesTest {

    /** The base rule the specification's event_count and value_count examples refer to, on the detection model. */
    static final String FAILED_LOGON = """
            ---
            title: Failed logon
            id: 5638f7c0-ac70-491d-8465-2a65075e0d86
            detection:
                selection:
                    logonOutcome: failed
                condition: selection
            """;

    // The specification's event_count example, with a base rule of that id added.
    static final String EVENT_COUNT = """
            title: Many failed logins
            id: 0e95725d-7320-415d-80f7-004da920fc11
            correlation:
                type: event_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                timespan: 1h
                condition:
                    gte: 100
            level: high
            tags:
                - attack.credential_access
                - attack.t1110
                - attack.t1110.003
            falsepositives:
                - A service with an old password
            """ + FAILED_LOGON;

    static final String EVENT_COUNT_ID = "sigma-0e95725d-7320-415d-80f7-004da920fc11";

    /** {@code n} failed logons on {@code host}, {@code step} seconds apart. */
    static List<DetectionFact> failures(long firstId, long account, String host, int n, long step) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(at(firstId + i, account, i * step).eventName("Unsuccessful logon attempt")
                    .src("10.0.0." + (i % 200), host, 50000).user("u" + i).build());
        }
        return out;
    }

    @Test
    void eventCountCarriesTheMetadataAndItsParameters() {
        SigmaImport.Result result = convert(EVENT_COUNT);
        assertThat(result.fileName()).isEqualTo(EVENT_COUNT_ID + ".drl");
        assertThat(result.ruleIds()).containsExactly(EVENT_COUNT_ID + "-anchor", EVENT_COUNT_ID);
        RuleDefinition rule = compile(EVENT_COUNT).rules().stream().filter(r -> r.id().equals(EVENT_COUNT_ID))
                .findFirst().orElseThrow();
        assertThat(rule.name()).isEqualTo("Many failed logins");
        assertThat(rule.severity()).isEqualTo("high");
        assertThat(rule.attack()).containsExactly("T1110", "T1110.003");
        assertThat(rule.tactics()).containsExactly("Credential Access");
        assertThat(rule.falsePositives()).isEqualTo("A service with an old password");
        assertThat(rule.parameters()).extracting(p -> p.name() + "=" + p.value())
                .containsExactly("window=1h", "atLeast=100");
    }

    @Test
    void eventCountFiresAtItsThresholdWithinTheWindowPerGroup() {
        CompiledRules rules = compile(EVENT_COUNT);
        var found = findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 100, 30));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1");
            assertThat(f.title()).isEqualTo("Many failed logins: pc-1 (100 events)");
            assertThat(f.detectionIds()).hasSize(100);
            assertThat(f.severity()).isEqualTo("high");
        });
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 99, 30))).as("one below").isEmpty();
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 100, 37))).as("over 61 minutes").isEmpty();
        List<DetectionFact> twoHosts = new ArrayList<>(failures(1, 1, "pc-1", 50, 30));
        twoHosts.addAll(failures(1000, 1, "pc-2", 50, 30));
        assertThat(findings(rules, EVENT_COUNT_ID, twoHosts)).as("two groups").isEmpty();
        List<DetectionFact> twoAccounts = new ArrayList<>(failures(1, 1, "pc-1", 50, 30));
        twoAccounts.addAll(failures(1000, 2, "pc-1", 50, 30));
        assertThat(findings(rules, EVENT_COUNT_ID, twoAccounts)).as("two accounts").isEmpty();
    }

    @Test
    void anAnalystCanTuneTheThresholdAndTheWindow() {
        CompiledRules rules = compile(EVENT_COUNT, Map.of(EVENT_COUNT_ID + ".atLeast", "10",
                EVENT_COUNT_ID + ".window", "5m"));
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 10, 30))).hasSize(1);
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 10, 40))).as("over 6 minutes").isEmpty();
    }

    // The specification's value_count example, with a base rule of that id added.
    static final String VALUE_COUNT = """
            title: Failed login
            id: 0e95725d-7320-415d-80f7-004da920fc12
            correlation:
                type: value_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                    - WorkstationName
                timespan: 1d
                condition:
                    field: User
                    gte: 100
            """ + FAILED_LOGON;

    static final String VALUE_COUNT_ID = "sigma-0e95725d-7320-415d-80f7-004da920fc12";

    /** Failed logons on pc-1 from ws-1 as {@code users} distinct users (each twice), over most of a day. */
    static List<DetectionFact> sprayed(long account, int users, String computer) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < users * 2; i++) {
            out.add(DetectionFact.builder(i + 1, account, SigmaTestSupport.T0.plusSeconds(i * 400L))
                    .eventName("Unsuccessful logon attempt").direction("INBOUND").src("10.0.0.9", "ws-1", 1)
                    .dst("10.0.1.1", computer, 445).user("user" + (i % users)).build());
        }
        return out;
    }

    @Test
    void valueCountCountsDistinctValuesPerGroup() {
        CompiledRules rules = compile(VALUE_COUNT);
        assertThat(rules.rules().stream().filter(r -> r.id().equals(VALUE_COUNT_ID)).findFirst().orElseThrow()
                .severity()).as("no level").isEqualTo("medium");
        assertThat(findings(rules, VALUE_COUNT_ID, sprayed(1, 100, "pc-1"))).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1 / ws-1");
            assertThat(f.title()).startsWith("Failed login: pc-1 / ws-1 (100 values of User");
        });
        assertThat(findings(rules, VALUE_COUNT_ID, sprayed(1, 99, "pc-1"))).as("99 users, 198 events").isEmpty();
        List<DetectionFact> split = new ArrayList<>(sprayed(1, 50, "pc-1"));
        sprayed(1, 100, "pc-2").stream().filter(d -> d.getUser().compareTo("user50") >= 0 || d.getUser().length() > 6)
                .map(d -> DetectionFact.builder(d.getId() + 10_000, 1, d.getEventTime()).eventName(d.getEventName())
                        .direction("INBOUND").src("10.0.0.9", "ws-1", 1).dst("10.0.1.2", "pc-2", 445)
                        .user(d.getUser()).build()).forEach(split::add);
        assertThat(findings(rules, VALUE_COUNT_ID, split)).as("100 users across two computers").isEmpty();
    }

    @Test
    void valueCountOutsideItsDayIsNotCounted() {
        CompiledRules rules = compile(VALUE_COUNT.replace("timespan: 1d", "timespan: 10h"));
        assertThat(findings(rules, VALUE_COUNT_ID, sprayed(1, 100, "pc-1"))).as("spread over 22 hours").isEmpty();
    }

    // The specification's temporal example ("recon_cmd_a/b/c"), with the three base rules added.
    static final String TEMPORAL = """
            title: Reconnaissance commands
            correlation:
                type: temporal
                rules:
                    - recon_cmd_a
                    - recon_cmd_b
                    - recon_cmd_c
                group-by:
                    - ComputerName
                    - User
                timespan: 5m
            level: medium
            ---
            title: whoami
            name: recon_cmd_a
            detection:
                selection:
                    eventName|contains: whoami
                condition: selection
            ---
            title: net user
            name: recon_cmd_b
            detection:
                selection:
                    eventName|startswith: 'net user'
                condition: selection
            ---
            title: ipconfig
            name: recon_cmd_c
            detection:
                selection:
                    eventName|endswith: ipconfig.exe
                condition: selection
            """;

    static final String TEMPORAL_ID = "sigma-reconnaissance-commands";

    static DetectionFact command(long id, long seconds, String name, String user) {
        return at(id, 1, seconds).eventName(name).src("10.0.0.5", "pc-1", 1).user(user).build();
    }

    @Test
    void temporalNeedsEveryRuleWithinTheWindowForTheSameGroup() {
        CompiledRules rules = compile(TEMPORAL);
        List<DetectionFact> all = List.of(command(1, 0, "Process WHOAMI started", "bob"),
                command(2, 100, "NET USER /domain", "bob"), command(3, 290, "C:\\Windows\\IPCONFIG.EXE", "bob"));
        assertThat(findings(rules, TEMPORAL_ID, all)).singleElement().satisfies(f -> {
            assertThat(f.grouping()).isEqualTo("pc-1 / bob");
            assertThat(f.detectionIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
        });
        assertThat(findings(rules, TEMPORAL_ID, all.subList(0, 2))).as("two of three").isEmpty();
        assertThat(findings(rules, TEMPORAL_ID, List.of(all.get(0), all.get(1),
                command(3, 301, "ipconfig.exe", "bob")))).as("the third after 5 minutes").isEmpty();
        assertThat(findings(rules, TEMPORAL_ID, List.of(all.get(0), all.get(1),
                command(3, 200, "ipconfig.exe", "eve")))).as("another user").isEmpty();
        assertThat(findings(rules, TEMPORAL_ID, List.of(command(2, 0, "net user x", "bob"),
                command(3, 1, "ipconfig.exe", "bob"), command(1, 2, "whoami", "bob")))).as("any order").hasSize(1);
    }

    @Test
    void temporalWithAConditionCountsDistinctRules() {
        CompiledRules rules = compile(TEMPORAL.replace("timespan: 5m", "timespan: 5m\n    condition:\n        gte: 2"));
        assertThat(findings(rules, TEMPORAL_ID, List.of(command(1, 0, "whoami", "bob"),
                command(2, 10, "net user", "bob")))).hasSize(1);
        assertThat(findings(rules, TEMPORAL_ID, List.of(command(1, 0, "whoami", "bob"),
                command(2, 10, "whoami", "bob")))).as("one rule twice").isEmpty();
    }

    // The specification's temporal_ordered example, its two base rules on the detection model: the specification's
    // own version chains an event_count, which the import refuses (SigmaRefusalsTest).
    static final String TEMPORAL_ORDERED = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            description: Detects multiple failed logins by a single user followed by a successful login of that user
            correlation:
                type: temporal_ordered
                rules:
                    - failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            falsepositives:
                - Unlikely
            level: high
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            detection:
                selection:
                    logonOutcome: failed
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            detection:
                selection:
                    logonOutcome: succeeded
                condition: selection
            """;

    static final String ORDERED_ID = "sigma-b180ead8-d58f-40b2-ae54-c8940995b9b6";

    static DetectionFact logon(long id, long seconds, boolean ok, String user) {
        return at(id, 1, seconds).eventName(ok ? "Successful logon" : "Logon failure").src("10.0.0.7", "pc-7", 1)
                .user(user).build();
    }

    @Test
    void temporalOrderedNeedsTheRulesInTheirOrder() {
        CompiledRules rules = compile(TEMPORAL_ORDERED);
        assertThat(findings(rules, ORDERED_ID, List.of(logon(1, 0, false, "amy"), logon(2, 599, true, "amy"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.grouping()).isEqualTo("amy");
                    assertThat(f.severity()).isEqualTo("high");
                });
        assertThat(findings(rules, ORDERED_ID, List.of(logon(1, 0, true, "amy"), logon(2, 60, false, "amy"))))
                .as("success first").isEmpty();
        assertThat(findings(rules, ORDERED_ID, List.of(logon(1, 0, false, "amy"), logon(2, 601, true, "amy"))))
                .as("after the window").isEmpty();
        assertThat(findings(rules, ORDERED_ID, List.of(logon(1, 0, false, "amy"), logon(2, 60, true, "ben"))))
                .as("another user").isEmpty();
    }

    // The specification's field name aliases example; its base rules' fields are not in the detection model, so
    // their detections here are an exploit and a C&C callback.
    static final String ALIASES = """
            title: Internal error then a connection back
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                    - remote_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            level: high
            ---
            name: internal_error
            detection:
                selection:
                    threatType: Exploit
                condition: selection
            ---
            name: new_network_connection
            detection:
                selection:
                    threatName|re: '^C&C\\b'
                condition: selection
            """;

    @Test
    void aliasesGroupByDifferentFieldsOfEachRule() {
        CompiledRules rules = compile(ALIASES);
        String id = "sigma-internal-error-then-a-connection-back";
        DetectionFact exploit = at(1, 1, 0).threatType("Exploit").src("198.51.100.7", null, 1)
                .dst("10.0.0.20", "web-1", 443).build();
        DetectionFact callback = at(2, 1, 9).threatName("C&C callback").src("10.0.0.20", "web-1", 2)
                .dst("198.51.100.7", null, 443).build();
        DetectionFact elsewhere = at(2, 1, 9).threatName("C&C callback").src("10.0.0.21", "web-2", 2)
                .dst("198.51.100.7", null, 443).build();
        assertThat(findings(rules, id, List.of(exploit, callback))).singleElement()
                .satisfies(f -> assertThat(f.grouping()).isEqualTo("10.0.0.20 / 198.51.100.7"));
        assertThat(findings(rules, id, List.of(exploit, elsewhere))).isEmpty();
    }

    @Test
    void aRangeFiresWhileTheCountIsInsideIt() {
        String range = EVENT_COUNT.replace("gte: 100", "gt: 2\n        lte: 4");
        CompiledRules rules = compile(range);
        assertThat(rules.rules().stream().filter(r -> r.id().equals(EVENT_COUNT_ID)).findFirst().orElseThrow()
                .parameters()).extracting(p -> p.name() + "=" + p.value()).containsExactly("window=1h", "above=2",
                "atMost=4");
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 3, 30))).hasSize(1);
        assertThat(findings(rules, EVENT_COUNT_ID, failures(1, 1, "pc-1", 2, 30))).isEmpty();
    }

    @Test
    void generateAlsoMakesEachBaseRuleAStandaloneRule() {
        CompiledRules rules = compile(EVENT_COUNT.replace("    timespan: 1h", "    timespan: 1h\n    generate: true"));
        String standalone = "sigma-5638f7c0-ac70-491d-8465-2a65075e0d86";
        assertThat(findings(rules, standalone, failures(1, 1, "pc-1", 1, 30))).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Failed logon");
            assertThat(f.grouping()).isEqualTo("pc-1");
            assertThat(f.severity()).isEqualTo("informational");
        });
        assertThat(findings(compile(EVENT_COUNT), standalone, failures(1, 1, "pc-1", 1, 30))).isEmpty();
    }

    @Test
    void valueCountOfANumberProperty() {
        String yaml = VALUE_COUNT.replace("field: User", "field: severityLevel").replace("gte: 100", "gte: 2");
        CompiledRules rules = compile(yaml);
        List<DetectionFact> two = List.of(
                at(1, 1, 0).eventName("Logon failure").severity("low").direction("INBOUND").src("10.0.0.9", "ws-1", 1)
                        .dst("10.0.1.1", "pc-1", 445).build(),
                at(2, 1, 60).eventName("Logon failure").severity("high").direction("INBOUND").src("10.0.0.9", "ws-1", 1)
                        .dst("10.0.1.1", "pc-1", 445).build());
        assertThat(findings(rules, VALUE_COUNT_ID, two)).hasSize(1);
        assertThat(findings(rules, VALUE_COUNT_ID, two.subList(0, 1))).isEmpty();
    }
}
