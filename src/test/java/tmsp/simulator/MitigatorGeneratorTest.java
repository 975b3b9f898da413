package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tmsp.mitigation.EndpointStatus;

/** The mitigators' reports and samples: the status mix, the batch shapes, the same story as the detections. */
class MitigatorGeneratorTest {

    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    static final MitigatorGenerator.Spec SPEC = new MitigatorGenerator.Spec(START, Duration.ofHours(6),
            Duration.ofHours(1), 25, Duration.ofDays(5), 2);

    final List<SimulatedAppliance> fleet = List.of(
            SimulatedAppliance.of(7, 0, "acme-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 1, "acme-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 2, "globex-appliances", SimulatedAppliance.Type.DISCOVERY),
            SimulatedAppliance.of(7, 3, "acme-appliances", SimulatedAppliance.Type.MITIGATOR),
            SimulatedAppliance.of(7, 4, "acme-appliances", SimulatedAppliance.Type.MITIGATOR),
            SimulatedAppliance.of(7, 5, "initech-appliances", SimulatedAppliance.Type.MITIGATOR));
    final Traffic detections = new TrafficGenerator(7).generate(fleet, new TrafficGenerator.Spec(START,
            Duration.ofHours(6), 500, EnumSet.allOf(Scenario.class), 0));

    MitigatorTraffic generate(long seed, MitigatorGenerator.Spec spec) {
        return new MitigatorGenerator(seed).generate(fleet, detections.plan(), spec);
    }

    @Test
    void theSameSeedGivesTheSameReportsAndSamplesAnotherSeedOthers() {
        MitigatorTraffic first = generate(7, SPEC);
        MitigatorTraffic again = generate(7, SPEC);
        MitigatorTraffic other = generate(8, SPEC);

        assertThat(again.reports()).isEqualTo(first.reports());
        assertThat(again.plan()).isEqualTo(first.plan());
        assertThat(again.samples()).hasSameSizeAs(first.samples());
        for (int i = 0; i < first.samples().size(); i++) {
            assertThat(again.samples().get(i).zip()).isEqualTo(first.samples().get(i).zip());
            assertThat(again.samples().get(i).fileName()).isEqualTo(first.samples().get(i).fileName());
        }
        assertThat(other.reports()).isNotEqualTo(first.reports());
        assertThat(other.samples().get(0).zip()).isNotEqualTo(first.samples().get(0).zip());
    }

    @Test
    void mitigatorsLeaveTheDetectionsAsTheyWere() {
        List<SimulatedAppliance> discoveriesOnly = fleet.stream().filter(SimulatedAppliance::discovery).toList();
        Traffic without = new TrafficGenerator(7).generate(discoveriesOnly, new TrafficGenerator.Spec(START,
                Duration.ofHours(6), 500, EnumSet.allOf(Scenario.class), 0));

        assertThat(without.lines()).isEqualTo(detections.lines());
    }

    @Test
    void mostlyResolvedSomeInProgressOrUnresolvedAFewIssuesEachOnFewEndpoints() {
        MitigatorTraffic traffic = generate(7, SPEC);
        List<MitigatorTraffic.EndpointReport> entries = traffic.reports().stream()
                .flatMap(r -> r.entries().stream()).toList();
        Map<EndpointStatus, Long> mix = entries.stream()
                .collect(Collectors.groupingBy(MitigatorTraffic.EndpointReport::status, Collectors.counting()));

        assertThat(mix.keySet()).containsExactlyInAnyOrder(EndpointStatus.RESOLVED, EndpointStatus.MITIGATION_IN_PROGRESS,
                EndpointStatus.UNRESOLVED, EndpointStatus.MANUAL_CLEANUP_NEEDED, EndpointStatus.MITIGATION_EXCEPTION,
                EndpointStatus.MITIGATION_FAILED);
        assertThat(share(mix, entries, s -> s == EndpointStatus.RESOLVED)).isBetween(0.65, 0.80);
        assertThat(share(mix, entries, s -> s == EndpointStatus.MITIGATION_IN_PROGRESS)).isBetween(0.08, 0.18);
        assertThat(share(mix, entries, s -> s == EndpointStatus.UNRESOLVED)).isBetween(0.05, 0.13);
        assertThat(share(mix, entries, EndpointStatus::issue)).isBetween(0.03, 0.09);
        assertThat(traffic.plan().statuses()).isEqualTo(mix.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())));
        // Nonconforming statuses stay with a few troubled endpoints of each mitigator, each issue with one endpoint.
        for (SimulatedAppliance mitigator : mitigators()) {
            List<MitigatorTraffic.EndpointReport> own = entriesOf(traffic, mitigator);
            Set<String> nonconforming = own.stream().filter(e -> e.status().nonconforming())
                    .map(MitigatorTraffic.EndpointReport::ip).collect(Collectors.toSet());
            assertThat(nonconforming).hasSizeBetween(6, 12);
            for (EndpointStatus issue : MitigatorGenerator.ISSUES) {
                assertThat(own.stream().filter(e -> e.status() == issue).map(MitigatorTraffic.EndpointReport::ip)
                        .distinct()).as("%s of %s", issue, mitigator.hostname()).hasSize(1);
            }
            Map<String, Set<String>> threats = own.stream().filter(e -> e.status().nonconforming())
                    .collect(Collectors.groupingBy(MitigatorTraffic.EndpointReport::ip,
                            Collectors.mapping(MitigatorTraffic.EndpointReport::threat, Collectors.toSet())));
            assertThat(threats.values()).as("a troubled endpoint keeps its threat").allMatch(t -> t.size() == 1);
        }
    }

    @Test
    void everyReportIsOneBatchOfDifferentEndpointsSeenSinceThePreviousOneFromFiveDaysBackToTheEnd() {
        MitigatorTraffic traffic = generate(7, SPEC);
        for (SimulatedAppliance mitigator : mitigators()) {
            List<MitigatorTraffic.StatusReport> own = traffic.reports().stream()
                    .filter(r -> r.mitigator().equals(mitigator)).toList();
            assertThat(own).hasSize(5 * 24 + 6 + 1);
            assertThat(own.get(0).due()).isEqualTo(START.minus(Duration.ofDays(5)));
            assertThat(own.get(own.size() - 1).due()).isEqualTo(START.plus(Duration.ofHours(6)));
            for (int i = 0; i < own.size(); i++) {
                MitigatorTraffic.StatusReport report = own.get(i);
                assertThat(report.due()).isEqualTo(own.get(0).due().plus(Duration.ofHours(i)));
                assertThat(report.entries()).hasSize(25);
                assertThat(report.entries()).extracting(MitigatorTraffic.EndpointReport::ip).doesNotHaveDuplicates();
                assertThat(report.entries()).allSatisfy(e -> {
                    assertThat(e.time()).isBeforeOrEqualTo(report.due()).isAfter(report.due().minus(Duration.ofHours(1)));
                    assertThat(e.hostname()).isNotBlank();
                    assertThat(e.threat()).isNotBlank();
                });
            }
        }
        assertThat(traffic.reports()).isSortedAccordingTo(Comparator.comparing(MitigatorTraffic.StatusReport::due));
        assertThat(traffic.plan().statusReports()).isEqualTo(traffic.reports().size());
        assertThat(traffic.plan().statusEntries()).isEqualTo(traffic.reports().size() * 25);
    }

    @Test
    void aBatchLargerThanTheEndpointsHoldsEachEndpointOnceAndOffMeansNoReports() {
        MitigatorTraffic large = generate(7, new MitigatorGenerator.Spec(START, Duration.ofMinutes(10),
                Duration.ofMinutes(5), 500, Duration.ZERO, 0));
        assertThat(large.reports()).hasSize(3 * 3);
        // Acme's two mitigators share its two networks (132 hosts); Initech's looks after a network of its own.
        assertThat(large.reports()).allSatisfy(report -> assertThat(report.entries()).hasSize(66)
                .extracting(MitigatorTraffic.EndpointReport::ip).doesNotHaveDuplicates());
        assertThat(large.samples()).isEmpty();

        MitigatorTraffic off = generate(7, new MitigatorGenerator.Spec(START, Duration.ofMinutes(10), null, 20,
                Duration.ZERO, 1));
        assertThat(off.reports()).isEmpty();
        assertThat(off.samples()).hasSize(3);
        assertThatThrownBy(() -> new MitigatorGenerator.Spec(START, Duration.ofMinutes(10), Duration.ofMillis(10), 20,
                Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEndpointsAreTheAccountsDiscoveredHostsSharedOutAndThePlantedMalwareShows() {
        MitigatorTraffic traffic = generate(7, SPEC);
        SimulatedAppliance acme1 = mitigators().get(0);
        SimulatedAppliance acme2 = mitigators().get(1);
        SimulatedAppliance initech = mitigators().get(2);
        Map<String, Host> acmeHosts = new LinkedHashMap<>();
        fleet.stream().filter(a -> a.discovery() && a.account().equals("acme-appliances")).forEach(a -> {
            a.workstations().forEach(h -> acmeHosts.put(h.address(), h));
            a.servers().forEach(h -> acmeHosts.put(h.address(), h));
        });
        Set<String> first = ips(entriesOf(traffic, acme1));
        Set<String> second = ips(entriesOf(traffic, acme2));
        assertThat(acmeHosts.keySet()).containsAll(first).containsAll(second);
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(entriesOf(traffic, acme1)).allMatch(e -> acmeHosts.get(e.ip()).name().equals(e.hostname()));
        // Initech has no discovery appliance here: its mitigator looks after a network of its own.
        assertThat(ips(entriesOf(traffic, initech))).allMatch(ip -> ip.startsWith("10.16.5."));

        Set<String> threats = new HashSet<>(AttackScenarios.WORMS);
        threats.addAll(AttackScenarios.BACKDOORS);
        assertThat(traffic.reports().stream().flatMap(r -> r.entries().stream()))
                .allMatch(e -> threats.contains(e.threat()));
        List<Plan.Planted> acmeMalware = detections.plan().planted().stream()
                .filter(p -> p.malware() != null && p.account().equals("acme-appliances")).toList();
        assertThat(acmeMalware).as("seed 7 plants malware on Acme's networks").isNotEmpty();
        Map<String, Set<String>> plantedOn = new LinkedHashMap<>();
        acmeMalware.forEach(p -> p.hosts().forEach(h -> plantedOn.computeIfAbsent(h, x -> new HashSet<>()).add(p.malware())));
        for (Map.Entry<String, Set<String>> host : plantedOn.entrySet()) {
            assertThat(traffic.reports().stream().flatMap(r -> r.entries().stream())
                    .filter(e -> e.hostname().equals(host.getKey()) && e.status().nonconforming()))
                    .as("%s, planted with %s", host.getKey(), host.getValue()).isNotEmpty()
                    .allMatch(e -> host.getValue().contains(e.threat()));
        }
    }

    @Test
    void samplesAreSmallRealZipsFromTroubledEndpointsSpreadOverTheSpan() throws IOException {
        MitigatorTraffic traffic = generate(7, SPEC);
        assertThat(traffic.samples()).hasSize(2 * 3);
        assertThat(traffic.plan().samples()).hasSize(6);
        for (MitigatorTraffic.ForensicSample sample : traffic.samples()) {
            assertThat(sample.due()).isAfter(START).isBefore(START.plus(Duration.ofHours(6)));
            assertThat(sample.zip()).startsWith(0x50, 0x4B, 0x03, 0x04).hasSizeBetween(4096, 16 * 1024);
            assertThat(sample.fileName()).startsWith("forensic_" + sample.endpoint().name() + "_").endsWith(".zip");
            List<String> names = new ArrayList<>();
            String manifest = null;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(sample.zip()))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    names.add(entry.getName());
                    byte[] content = zip.readAllBytes();
                    if (entry.getName().equals("manifest.txt")) {
                        manifest = new String(content, StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(names).containsExactly("manifest.txt", "evidence.bin.enc");
            assertThat(manifest).contains("endpoint=" + sample.endpoint().name(), "threat=" + sample.threat(),
                    "collector=" + sample.mitigator().hostname());
            assertThat(entriesOf(traffic, sample.mitigator()))
                    .as("the sampled endpoint is one the mitigator reports as nonconforming")
                    .anyMatch(e -> e.ip().equals(sample.endpoint().address()) && e.status().nonconforming()
                            && e.threat().equals(sample.threat()));
        }
        assertThat(traffic.samples().stream().filter(s -> s.mitigator().equals(mitigators().get(0))).findFirst()
                .map(s -> entriesOf(traffic, s.mitigator()).stream().filter(e -> e.ip().equals(s.endpoint().address()))
                        .anyMatch(e -> e.status() == EndpointStatus.MANUAL_CLEANUP_NEEDED)))
                .as("the first sample comes from the endpoint that needs manual cleanup").contains(true);
    }

    private List<SimulatedAppliance> mitigators() {
        return fleet.stream().filter(a -> !a.discovery()).toList();
    }

    private static List<MitigatorTraffic.EndpointReport> entriesOf(MitigatorTraffic traffic, SimulatedAppliance mitigator) {
        return traffic.reports().stream().filter(r -> r.mitigator().equals(mitigator))
                .flatMap(r -> r.entries().stream()).toList();
    }

    private static Set<String> ips(List<MitigatorTraffic.EndpointReport> entries) {
        return entries.stream().map(MitigatorTraffic.EndpointReport::ip).collect(Collectors.toSet());
    }

    private static double share(Map<EndpointStatus, Long> mix, List<?> all,
                                Predicate<EndpointStatus> which) {
        return mix.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum()
                / (double) all.size();
    }
}
