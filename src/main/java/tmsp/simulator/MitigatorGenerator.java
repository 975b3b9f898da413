package tmsp.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tmsp.mitigation.EndpointStatus;

/**
 * Generates what the mitigators send, telling the same story as the detections: each mitigator looks after the
 * hosts its account's discovery appliances watch; a few of them are troubled (the hosts of a planted outbreak or
 * callback with its malware first, others with a threat the detections also name) and report mitigation in
 * progress or unresolved threats, three of those have a mitigation issue, and the rest report resolved threats.
 * Forensic samples come from the troubled endpoints, the one needing manual cleanup first. Deterministic: the same
 * seed, fleet, plan and spec give the same reports and samples.
 */
final class MitigatorGenerator {

    /**
     * @param statusEvery a mitigator's time between two status reports; null for none
     * @param statusBatch entries of one report (at most the endpoints the mitigator looks after)
     * @param history     status reports also go back this far before {@code start} (sent first)
     * @param samples     forensic samples of each mitigator, spread over the span
     */
    public record Spec(Instant start, Duration span, Duration statusEvery, int statusBatch, Duration history,
                       int samples) {
        public Spec {
            if (statusEvery != null && statusEvery.toSeconds() < 1) {
                throw new IllegalArgumentException("Status reports need at least a second between them");
            }
            if (statusBatch < 1 || samples < 0 || history.isNegative()) {
                throw new IllegalArgumentException("A status batch holds an entry or more; samples and history are not negative");
            }
        }
    }

    /** Percentages of the status mix: mostly resolved; some in progress or unresolved; a few issues. */
    static final int RESOLVED_PERCENT = 72;
    static final int IN_PROGRESS_PERCENT = 13;
    static final int UNRESOLVED_PERCENT = 9;
    /** Each mitigator has one endpoint with each of these issues. */
    static final List<EndpointStatus> ISSUES = List.of(EndpointStatus.MANUAL_CLEANUP_NEEDED,
            EndpointStatus.MITIGATION_EXCEPTION, EndpointStatus.MITIGATION_FAILED);
    /** Fewer endpoints than this (many mitigators on one account) and a mitigator gets a network of its own. */
    static final int FEWEST_ENDPOINTS = 12;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One troubled endpoint: its threat and, for three of them, the issue its mitigation had. */
    private record Trouble(Host host, String threat, EndpointStatus issue) {
    }

    /** What one mitigator looks after. */
    private record Watch(SimulatedAppliance mitigator, List<Host> endpoints, Map<Host, Trouble> troubles,
                         List<Trouble> plain, List<Trouble> issues) {
    }

    private final long seed;

    MitigatorGenerator(long seed) {
        this.seed = seed;
    }

    MitigatorTraffic generate(List<SimulatedAppliance> fleet, Plan plan, Spec spec) {
        // A dice of its own: switching mitigators on leaves the detections as they were.
        Dice dice = new Dice(seed * 7919 + 104_729);
        List<MitigatorTraffic.StatusReport> reports = new ArrayList<>();
        List<MitigatorTraffic.ForensicSample> samples = new ArrayList<>();
        List<SimulatedAppliance> mitigators = fleet.stream().filter(a -> !a.discovery()).toList();
        for (SimulatedAppliance mitigator : mitigators) {
            Watch watch = watch(fleet, plan, mitigator, dice);
            if (spec.statusEvery() != null) {
                for (Instant due : reportTimes(spec)) {
                    reports.add(new MitigatorTraffic.StatusReport(mitigator, due,
                            entries(watch, dice, due, spec.statusEvery(), spec.statusBatch())));
                }
            }
            List<Trouble> sampled = new ArrayList<>(watch.issues());
            sampled.addAll(watch.plain());
            for (int i = 0; i < spec.samples(); i++) {
                Instant due = spec.start().plusMillis(spec.span().toMillis() * (i + 1) / (spec.samples() + 1));
                samples.add(sample(mitigator, sampled.get(i % sampled.size()), due, dice));
            }
        }
        reports.sort(Comparator.comparing(MitigatorTraffic.StatusReport::due));
        samples.sort(Comparator.comparing(MitigatorTraffic.ForensicSample::due));
        return new MitigatorTraffic(reports, samples, summary(mitigators.size(), reports, samples));
    }

    /** Every {@code statusEvery} from {@code history} before the start up to the end of the span, the start included. */
    static List<Instant> reportTimes(Spec spec) {
        long every = spec.statusEvery().toMillis();
        long first = -(spec.history().toMillis() / every);
        List<Instant> times = new ArrayList<>();
        for (long k = first; k * every <= spec.span().toMillis(); k++) {
            times.add(spec.start().plusMillis(k * every));
        }
        return times;
    }

    private Watch watch(List<SimulatedAppliance> fleet, Plan plan, SimulatedAppliance mitigator, Dice dice) {
        List<Host> endpoints = endpoints(fleet, mitigator);
        Map<String, String> planted = new LinkedHashMap<>();
        for (Plan.Planted p : plan.planted()) {
            if (p.account().equals(mitigator.account()) && p.malware() != null) {
                p.hosts().forEach(host -> planted.putIfAbsent(host, p.malware()));
            }
        }
        List<String> threats = new ArrayList<>(AttackScenarios.WORMS);
        threats.addAll(AttackScenarios.BACKDOORS);
        List<Trouble> troubled = new ArrayList<>();
        for (Host host : endpoints) {
            if (planted.containsKey(host.name())) {
                troubled.add(new Trouble(host, planted.get(host.name()), null));
            }
        }
        int wanted = Math.max(ISSUES.size() + 3, endpoints.size() / 8);
        for (Host host : dice.distinct(endpoints, endpoints.size())) {
            if (troubled.size() >= wanted) {
                break;
            }
            if (!planted.containsKey(host.name())) {
                troubled.add(new Trouble(host, dice.pick(threats), null));
            }
        }
        // Three of them, chosen at random, had an issue; the rest are in progress or unresolved.
        List<Trouble> issues = new ArrayList<>();
        List<Trouble> plain = new ArrayList<>(troubled);
        for (EndpointStatus issue : ISSUES) {
            Trouble chosen = plain.remove(dice.nextInt(plain.size()));
            issues.add(new Trouble(chosen.host(), chosen.threat(), issue));
        }
        Map<Host, Trouble> troubles = new LinkedHashMap<>();
        plain.forEach(t -> troubles.put(t.host(), t));
        issues.forEach(t -> troubles.put(t.host(), t));
        return new Watch(mitigator, endpoints, troubles, plain, issues);
    }

    /**
     * The mitigator's share of its account's discovery hosts (dealt out in turn among the account's mitigators);
     * with no discovery appliance, or too small a share, a network of its own.
     */
    private List<Host> endpoints(List<SimulatedAppliance> fleet, SimulatedAppliance mitigator) {
        List<Host> all = new ArrayList<>();
        for (SimulatedAppliance appliance : fleet) {
            if (appliance.discovery() && appliance.account().equals(mitigator.account())) {
                all.addAll(appliance.workstations());
                all.addAll(appliance.servers());
            }
        }
        List<SimulatedAppliance> colleagues = fleet.stream()
                .filter(a -> !a.discovery() && a.account().equals(mitigator.account())).toList();
        int share = colleagues.indexOf(mitigator);
        List<Host> mine = new ArrayList<>();
        for (int i = share; i < all.size(); i += colleagues.size()) {
            mine.add(all.get(i));
        }
        if (mine.size() >= FEWEST_ENDPOINTS) {
            return mine;
        }
        SimulatedAppliance own = SimulatedAppliance.of(seed, mitigator.index(), mitigator.account(),
                SimulatedAppliance.Type.DISCOVERY);
        List<Host> network = new ArrayList<>(own.workstations());
        network.addAll(own.servers());
        return network;
    }

    /** One report: different endpoints, each seen at some moment since the mitigator's previous report. */
    private static List<MitigatorTraffic.EndpointReport> entries(Watch watch, Dice dice, Instant due, Duration every,
                                                                 int batch) {
        Set<Host> used = new HashSet<>();
        List<MitigatorTraffic.EndpointReport> entries = new ArrayList<>();
        for (int n = Math.min(batch, watch.endpoints().size()); entries.size() < n; ) {
            int roll = dice.nextInt(100);
            Trouble trouble = null;
            EndpointStatus status = EndpointStatus.RESOLVED;
            if (roll >= RESOLVED_PERCENT + IN_PROGRESS_PERCENT + UNRESOLVED_PERCENT) {
                trouble = unused(watch.issues(), used, dice);
                status = trouble == null ? status : trouble.issue();
            } else if (roll >= RESOLVED_PERCENT) {
                trouble = unused(watch.plain(), used, dice);
                status = trouble == null ? status : roll < RESOLVED_PERCENT + IN_PROGRESS_PERCENT
                        ? EndpointStatus.MITIGATION_IN_PROGRESS : EndpointStatus.UNRESOLVED;
            }
            Host host = trouble != null ? trouble.host() : dice.pick(watch.endpoints());
            if (!used.add(host)) {
                continue;
            }
            Trouble known = watch.troubles().get(host);
            String threat = known != null ? known.threat()
                    : dice.pick(dice.nextBoolean() ? AttackScenarios.WORMS : AttackScenarios.BACKDOORS);
            Instant seen = due.minusMillis((long) (dice.nextDouble() * every.toMillis()));
            entries.add(new MitigatorTraffic.EndpointReport(host.address(), host.name(), status, threat, seen));
        }
        return entries;
    }

    private static Trouble unused(List<Trouble> troubles, Set<Host> used, Dice dice) {
        List<Trouble> free = troubles.stream().filter(t -> !used.contains(t.host())).toList();
        return free.isEmpty() ? null : dice.pick(free);
    }

    /**
     * A small real zip as an agent packs it: a plain manifest and the collected evidence, encrypted (random bytes
     * here, so it looks the part). Entry times are fixed local times, so the bytes depend on the seed only.
     */
    private static MitigatorTraffic.ForensicSample sample(SimulatedAppliance mitigator, Trouble trouble, Instant due,
                                                          Dice dice) {
        String fileName = "forensic_" + trouble.host().name() + "_" + FILE_TIME.format(due) + ".zip";
        byte[] evidence = new byte[4096 + dice.nextInt(8192)];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = (byte) dice.nextInt(256);
        }
        String manifest = "endpoint=" + trouble.host().name() + "\naddress=" + trouble.host().address()
                + "\nthreat=" + trouble.threat() + "\ncollected=" + due + "\ncollector=" + mitigator.hostname()
                + "\nencryption=AES-256\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(evidence.length + 1024);
        LocalDateTime packed = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(entry("manifest.txt", packed));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(entry("evidence.bin.enc", packed));
            zip.write(evidence);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MitigatorTraffic.ForensicSample(mitigator, due, trouble.host(), trouble.threat(), fileName,
                bytes.toByteArray());
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        return entry;
    }

    private static Plan.Mitigation summary(int mitigators, List<MitigatorTraffic.StatusReport> reports,
                                           List<MitigatorTraffic.ForensicSample> samples) {
        Map<EndpointStatus, Integer> statuses = new EnumMap<>(EndpointStatus.class);
        Instant from = null;
        Instant to = null;
        int entries = 0;
        for (MitigatorTraffic.StatusReport report : reports) {
            for (MitigatorTraffic.EndpointReport entry : report.entries()) {
                statuses.merge(entry.status(), 1, Integer::sum);
                from = from == null || entry.time().isBefore(from) ? entry.time() : from;
                to = to == null || entry.time().isAfter(to) ? entry.time() : to;
                entries++;
            }
        }
        List<Plan.Sample> planned = samples.stream().map(s -> new Plan.Sample(s.mitigator().account(),
                s.mitigator().hostname(), s.endpoint().address(), s.endpoint().name(), s.threat(), s.fileName(),
                s.zip().length)).toList();
        return new Plan.Mitigation(mitigators, reports.size(), entries, statuses, from, to, planned);
    }
}
