package tmsp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tmsp.simulator.DetectionEvent.ThreatType;

/**
 * Generates the lines of a simulation: the planted attacks, then benign background noise up to the number of
 * lines asked for, spread evenly over the span, in both formats. Deterministic: the same seed, fleet and spec give
 * the same lines and the same plan.
 *
 * <p>Noise never carries a malware name, so it cannot look like an outbreak or a callback by itself.
 */
final class TrafficGenerator {

    /** What to generate: {@code lines} in all (more if the planted attacks need more), from {@code start} on. */
    public record Spec(Instant start, Duration span, int lines, Set<Scenario> scenarios, int malformedPercent) {
        public Spec {
            if (span.isNegative() || span.isZero()) {
                throw new IllegalArgumentException("The span must be positive");
            }
            if (malformedPercent < 0 || malformedPercent > 100) {
                throw new IllegalArgumentException("The share of malformed lines is a percentage");
            }
        }
    }

    private static final int CEF_PERCENT = 70;
    private static final List<String> APPLICATIONS = List.of("BitTorrent", "Skype", "Dropbox", "TeamViewer", "Spotify",
            "Steam");
    private static final List<String> AD_SITES = List.of("ads.tracker-net.example", "cheap-deals.example",
            "free-codecs.example", "popunder.example", "clickbait-news.example");
    private static final List<String> USERS = List.of("j.smith", "m.mueller", "a.rossi", "l.dubois", "k.tanaka");

    private final long seed;

    public TrafficGenerator(long seed) {
        this.seed = seed;
    }

    public Traffic generate(List<SimulatedAppliance> fleet, Spec spec) {
        List<SimulatedAppliance> discoveries = fleet.stream().filter(SimulatedAppliance::discovery).toList();
        if (discoveries.isEmpty()) {
            throw new IllegalArgumentException("Detections need at least one discovery appliance");
        }
        Dice dice = new Dice(seed);
        List<Traffic.Line> lines = new ArrayList<>();
        int[] formats = new int[2];
        AttackScenarios.Sink sink = (appliance, event) -> {
            LogLines.Format format = dice.nextInt(100) < CEF_PERCENT ? LogLines.Format.CEF : LogLines.Format.LEEF;
            formats[format.ordinal()]++;
            lines.add(new Traffic.Line(appliance, event.time, event.severity, LogLines.line(format, appliance, event)));
        };
        AttackScenarios attacks = new AttackScenarios(dice, sink);
        List<Plan.Planted> planted = new ArrayList<>();
        for (Scenario scenario : spec.scenarios().stream().sorted().toList()) {
            planted.add(attacks.plant(scenario, dice.pick(discoveries), spec.start(), spec.span()));
        }
        int noise = Math.max(0, spec.lines() - lines.size());
        int malformed = 0;
        for (int i = 0; i < noise; i++) {
            Instant time = spec.start().plusMillis(spec.span().toMillis() * i / noise);
            SimulatedAppliance appliance = dice.pick(discoveries);
            sink.add(appliance, noise(dice, appliance).at(time));
            if (dice.nextInt(100) < spec.malformedPercent()) {
                Traffic.Line line = lines.remove(lines.size() - 1);
                lines.add(new Traffic.Line(appliance, time, line.severity(), LogLines.truncated(line.text())));
                malformed++;
            }
        }
        lines.sort(Comparator.comparing(Traffic.Line::time));
        Instant end = lines.isEmpty() ? spec.start() : lines.get(lines.size() - 1).time();
        List<Plan.Appliance> appliances = fleet.stream().map(a -> new Plan.Appliance(a.account(), a.type().name(),
                a.hostname(), a.guid())).toList();
        return new Traffic(lines, new Plan(seed, spec.start(), end, lines.size(), noise - malformed, malformed,
                formats[0], formats[1], appliances, planted, null));
    }

    /** Everyday detections of a network: disruptive applications, risky sites, adware, a mistyped password. */
    private static DetectionEvent noise(Dice dice, SimulatedAppliance appliance) {
        Host host = dice.pick(appliance.workstations());
        String outside = "198.18." + dice.nextInt(256) + "." + (1 + dice.nextInt(254));
        return switch (dice.nextInt(5)) {
            case 0, 1 -> {
                String application = dice.pick(APPLICATIONS);
                yield new DetectionEvent(2, "100120", "Disruptive application detected")
                        .source(host, dice.ephemeralPort())
                        .destination(outside, null, application.equals("BitTorrent") ? 6881 : 443)
                        .threat(ThreatType.DISRUPTIVE_APPLICATION, "Disruptive application", null)
                        .traffic("TCP", application, 1, "not blocked")
                        .rule("Disruptive application: " + application, null);
            }
            case 2 -> {
                String site = dice.pick(AD_SITES);
                yield new DetectionEvent(4, "100504", "Access to low-reputation URL")
                        .source(host, dice.ephemeralPort())
                        .destination(outside, site, 80)
                        .threat(ThreatType.WEB_REPUTATION, null, null)
                        .file(null, null, "http://" + site + "/landing?id=" + dice.nextInt(100000))
                        .traffic("TCP", "HTTP", 1, "blocked")
                        .rule("Web reputation: dangerous or suspicious URL", "Point of Entry");
            }
            case 3 -> new DetectionEvent(4, "100310", "Grayware detected")
                    .source(host, dice.ephemeralPort())
                    .destination(outside, dice.pick(AD_SITES), 443)
                    .threat(ThreatType.GRAYWARE, "ADWARE", null)
                    .traffic("TCP", "HTTPS", 1, "not blocked")
                    .rule("Adware communication", null);
            default -> {
                Host server = dice.pick(appliance.servers());
                yield new DetectionEvent(6, "100731", "Unsuccessful logon attempt")
                        .source(host, dice.ephemeralPort())
                        .destination(server.address(), server.name(), 445)
                        .threat(ThreatType.SUSPICIOUS_BEHAVIOR, null, null)
                        .user(dice.pick(USERS))
                        .traffic("TCP", "SMB2", null, "not blocked")
                        .rule("Unsuccessful logon attempt", "Access Attempt");
            }
        };
    }
}
