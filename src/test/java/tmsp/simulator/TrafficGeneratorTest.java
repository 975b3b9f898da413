package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Detection;
import tmsp.ingest.LineParser;
import tmsp.ingest.LogFormat;
import tmsp.ingest.ParseError;
import tmsp.ingest.ParseOutcome;
import tmsp.ingest.Severity;

/** The generator's lines, read back with the portal's own parser: what the plan says is planted is in them. */
class TrafficGeneratorTest {

    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    static final TrafficGenerator.Spec SPEC = new TrafficGenerator.Spec(START, Duration.ofHours(2), 1500,
            EnumSet.allOf(Scenario.class), 0);

    final LineParser parser = new LineParser();
    final List<SimulatedAppliance> fleet = List.of(
            SimulatedAppliance.of(7, 0, "acme-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 1, "globex-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 2, "acme-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 3, "acme-appliances", SimulatedAppliance.Type.MITIGATOR));

    @Test
    void theSameSeedGivesTheSameLinesAndPlanAnotherSeedOthers() {
        Traffic first = new TrafficGenerator(7).generate(fleet, SPEC);
        Traffic again = new TrafficGenerator(7).generate(fleet, SPEC);
        Traffic other = new TrafficGenerator(8).generate(fleet, SPEC);

        assertThat(again.lines()).isEqualTo(first.lines());
        assertThat(again.plan()).isEqualTo(first.plan());
        assertThat(texts(other)).isNotEqualTo(texts(first));
        assertThat(other.plan().planted()).isNotEqualTo(first.plan().planted());
    }

    @Test
    void everyLineParsesWithTheApplianceGuidInBothFormatsAndASpreadOfSeverities() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet, SPEC);
        assertThat(traffic.lines()).hasSize(1500);
        assertThat(traffic.plan().lines()).isEqualTo(1500);
        Map<LogFormat, Long> formats = traffic.lines().stream().map(l -> detection(l).format())
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        assertThat(formats.get(LogFormat.CEF)).isEqualTo(traffic.plan().cefLines());
        assertThat(formats.get(LogFormat.LEEF)).isEqualTo(traffic.plan().leefLines());
        assertThat(formats.get(LogFormat.LEEF)).isGreaterThan(300);
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (Traffic.Line line : traffic.lines()) {
            Detection d = detection(line);
            assertThat(d.deviceExternalId()).as(line.text()).isEqualTo(line.appliance().guid());
            assertThat(d.eventTime()).as(line.text()).isEqualTo(line.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(d.vendor()).isEqualTo("Trend Micro");
            assertThat(d.threatType()).as(line.text()).isNotNull();
            assertThat(d.extra()).as("every key is mapped or kept: %s", line.text()).doesNotContainKey("cn3");
            severities.add(d.severity());
        }
        assertThat(severities).contains(Severity.INFORMATIONAL, Severity.LOW, Severity.MEDIUM, Severity.HIGH);
        assertThat(traffic.lines()).isSortedAccordingTo(java.util.Comparator.comparing(Traffic.Line::time));
        assertThat(traffic.lines()).allMatch(l -> !l.time().isBefore(START) && !l.time().isAfter(START.plus(SPEC.span())));
        assertThat(traffic.lines()).noneMatch(l -> l.appliance().type() == SimulatedAppliance.Type.MITIGATOR);
    }

    @Test
    void theOutbreakIsOneMalwareOnEveryPlantedHostOfItsAppliance() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet, SPEC);
        Plan.Planted outbreak = planted(traffic, Scenario.OUTBREAK);
        List<Detection> lines = plantedLines(traffic, outbreak, d -> outbreak.malware().equals(d.threatName()));

        assertThat(outbreak.hosts()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(lines).hasSize(outbreak.lines());
        assertThat(lines).extracting(Detection::sourceHost).containsOnlyElementsOf(outbreak.hosts())
                .containsAll(outbreak.hosts());
        assertThat(lines).allMatch(d -> d.severity() == Severity.HIGH && "File Pattern".equals(d.threatType())
                && d.fileHash() != null && d.fileName() != null);
        assertThat(traffic.lines().stream().map(this::detection).filter(d -> outbreak.malware().equals(d.threatName())))
                .as("the malware appears nowhere else").hasSize(outbreak.lines());
    }

    @Test
    void theCallbackFollowsTheDownloadOnOneHost() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet, SPEC);
        Plan.Planted callback = planted(traffic, Scenario.C2_CALLBACK);
        List<Detection> lines = plantedLines(traffic, callback, d -> callback.malware().equals(d.threatName()));
        String c2 = callback.remote().substring(0, callback.remote().indexOf(' '));

        assertThat(lines).hasSize(callback.lines());
        assertThat(lines).extracting(Detection::sourceHost).containsOnly(callback.hosts().get(0));
        Detection download = lines.get(0);
        assertThat(download.fileName()).isNotNull();
        assertThat(download.url()).startsWith("http://");
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(6)
                .allMatch(d -> c2.equals(d.destinationAddress()) && "Malicious Behavior".equals(d.threatType())
                        && d.direction() == tmsp.ingest.Direction.OUTBOUND);
        assertThat(lines.get(1).eventTime()).isAfter(download.eventTime());
    }

    @Test
    void theBruteForceIsABurstFromOneSourceAgainstOneServer() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet, SPEC);
        Plan.Planted burst = planted(traffic, Scenario.BRUTE_FORCE);
        List<Detection> lines = plantedLines(traffic, burst,
                d -> burst.remote().equals(d.sourceAddress()));

        assertThat(lines).hasSize(burst.lines()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(lines).extracting(Detection::destinationHost).containsOnly(burst.hosts().get(0));
        assertThat(Duration.between(burst.from(), burst.to())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(lines).allMatch(d -> d.ruleName().startsWith("Multiple unsuccessful logon attempts"));
    }

    @Test
    void lateralMovementGoesFromOneHostToSeveralOthers() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet, SPEC);
        Plan.Planted lateral = planted(traffic, Scenario.LATERAL_MOVEMENT);
        List<Detection> lines = plantedLines(traffic, lateral, d -> "Lateral Movement".equals(d.attackPhase())
                && lateral.hosts().get(0).equals(d.sourceHost()));

        assertThat(lines).hasSize(lateral.lines());
        assertThat(lines).extracting(Detection::destinationHost)
                .containsOnlyElementsOf(lateral.hosts().subList(1, lateral.hosts().size()))
                .containsAll(lateral.hosts().subList(1, lateral.hosts().size()));
        assertThat(lateral.hosts()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void malformedLinesAreQuarantinedAndCountedInThePlan() {
        Traffic traffic = new TrafficGenerator(7).generate(fleet,
                new TrafficGenerator.Spec(START, Duration.ofMinutes(10), 1000, Set.of(), 5));
        long rejected = traffic.lines().stream().filter(l -> parser.parse(l.text()) instanceof ParseError).count();

        assertThat(traffic.plan().planted()).isEmpty();
        assertThat(rejected).isEqualTo(traffic.plan().malformed()).isBetween(20L, 90L);
        assertThat(traffic.plan().noise() + traffic.plan().malformed()).isEqualTo(1000);
    }

    @Test
    void plantedAttacksFitAShortRunAndTheLinesAskedForAreAMinimum() {
        Traffic traffic = new TrafficGenerator(1).generate(fleet,
                new TrafficGenerator.Spec(START, Duration.ofSeconds(20), 10, EnumSet.allOf(Scenario.class), 0));

        int planted = traffic.plan().planted().stream().mapToInt(Plan.Planted::lines).sum();
        assertThat(traffic.lines()).hasSize(planted);
        assertThat(traffic.plan().noise()).isZero();
        assertThat(traffic.lines()).allMatch(l -> !l.time().isAfter(START.plusSeconds(20)));
    }

    @Test
    void thePlanNamesEveryScenarioInTextAndJson() {
        Plan plan = new TrafficGenerator(7).generate(fleet, SPEC).plan();

        assertThat(plan.planted()).extracting(Plan.Planted::scenario).containsExactly(Scenario.values());
        for (Scenario scenario : Scenario.values()) {
            assertThat(plan.text()).contains(scenario.name());
            assertThat(plan.json()).contains("\"" + scenario.name() + "\"");
        }
        assertThat(plan.json()).contains(fleet.get(0).guid(), "\"from\" : \"2026-11-27T");
    }

    private Plan.Planted planted(Traffic traffic, Scenario scenario) {
        return traffic.plan().planted().stream().filter(p -> p.scenario() == scenario).findFirst()
                .orElseGet(() -> fail("no " + scenario + " in the plan"));
    }

    /** The lines of the planted attack's appliance that match, all within its window. */
    private List<Detection> plantedLines(Traffic traffic, Plan.Planted planted, Predicate<Detection> match) {
        List<Detection> lines = traffic.lines().stream()
                .filter(l -> l.appliance().guid().equals(planted.applianceGuid()))
                .map(this::detection).filter(match).toList();
        assertThat(lines).allMatch(d -> !d.eventTime().isBefore(planted.from().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                && !d.eventTime().isAfter(planted.to()));
        return lines;
    }

    private Detection detection(Traffic.Line line) {
        ParseOutcome outcome = parser.parse(line.text());
        if (outcome instanceof Detection detection) {
            return detection;
        }
        return fail("the portal's parser refused " + line.text() + ": " + outcome);
    }

    private static List<String> texts(Traffic traffic) {
        return traffic.lines().stream().map(Traffic.Line::text).toList();
    }
}
