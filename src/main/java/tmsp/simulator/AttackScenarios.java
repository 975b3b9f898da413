package tmsp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tmsp.simulator.DetectionEvent.ThreatType;

/**
 * The four planted attacks, each on one discovery appliance's network within a time window. Every choice comes
 * from the generator's seeded random, so the same seed plants the same attacks.
 */
final class AttackScenarios {

    /** How long each attack takes when the run is long enough; shorter runs squeeze it into half their span. */
    static final Duration OUTBREAK_SPAN = Duration.ofMinutes(30);
    static final Duration C2_SPAN = Duration.ofMinutes(20);
    static final Duration BRUTE_FORCE_SPAN = Duration.ofMinutes(5);
    static final Duration LATERAL_SPAN = Duration.ofMinutes(15);

    static final List<String> WORMS = List.of("WORM_CONFICKER.SMA", "RANSOM_WCRY.SMALZ", "WORM_DOWNAD.AD",
            "TROJ_EMOTET.SMX1");
    static final List<String> BACKDOORS = List.of("BKDR_COBEACON.SMA", "TSPY_TRICKBOT.SMC", "BKDR_QAKBOT.SMAB",
            "TROJ_ICEDID.SMD");
    private static final List<String> WORDS = List.of("update", "cdn", "static", "telemetry", "files", "sync", "mail",
            "portal", "cloud", "api");

    /** Where the generator takes events and planted attacks from the scenarios. */
    interface Sink {
        void add(SimulatedAppliance appliance, DetectionEvent event);
    }

    private final Dice random;
    private final Sink sink;

    AttackScenarios(Dice random, Sink sink) {
        this.random = random;
        this.sink = sink;
    }

    Plan.Planted plant(Scenario scenario, SimulatedAppliance appliance, Instant start, Duration span) {
        return switch (scenario) {
            case OUTBREAK -> outbreak(appliance, window(start, span, OUTBREAK_SPAN));
            case C2_CALLBACK -> callback(appliance, window(start, span, C2_SPAN));
            case BRUTE_FORCE -> bruteForce(appliance, window(start, span, BRUTE_FORCE_SPAN));
            case LATERAL_MOVEMENT -> lateralMovement(appliance, window(start, span, LATERAL_SPAN));
        };
    }

    /** A worm spreads host to host over SMB; each infected host is detected once or twice. */
    private Plan.Planted outbreak(SimulatedAppliance appliance, Window window) {
        String malware = random.pick(WORMS);
        String file = random.pick(List.of("svchosts.exe", "invoice_2026.pdf.exe", "tasksche.exe", "mssecsvc.exe"));
        String hash = random.hex(40);
        List<Host> hosts = random.distinct(appliance.workstations(), 6 + random.nextInt(4));
        List<DetectionEvent> events = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            Host peer = i == 0 ? random.pick(appliance.servers()) : hosts.get(i - 1);
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                events.add(new DetectionEvent(8, "100120", "Malware detected in file transfer")
                        .source(hosts.get(i), random.ephemeralPort())
                        .destination(peer.address(), peer.name(), 445)
                        .threat(ThreatType.FILE_PATTERN, "WORM", malware)
                        .file(file, hash, null)
                        .traffic("TCP", "SMB2", null, "not blocked")
                        .rule("File transfer of known malware", "Lateral Movement"));
            }
        }
        return planted(Scenario.OUTBREAK, appliance, window, events, names(hosts), malware, null,
                malware + " on " + hosts.size() + " hosts: " + String.join(", ", names(hosts)));
    }

    /** A host downloads a backdoor over HTTP, then beacons to its command-and-control server. */
    private Plan.Planted callback(SimulatedAppliance appliance, Window window) {
        Host host = random.pick(appliance.workstations());
        String malware = random.pick(BACKDOORS);
        String downloadHost = random.pick(WORDS) + "-" + random.pick(WORDS) + ".example";
        String downloadAddress = "198.51.100." + (10 + random.nextInt(240));
        String file = random.pick(List.of("setup_update.exe", "Document_0417.zip", "chrome_patch.msi"));
        String c2Host = random.pick(WORDS) + random.nextInt(100) + "." + random.pick(WORDS) + ".example";
        String c2Address = "203.0.113." + (10 + random.nextInt(240));
        int c2Port = random.pick(List.of(443, 8080, 8443));
        List<DetectionEvent> events = new ArrayList<>();
        events.add(new DetectionEvent(8, "100234", "Malware file downloaded")
                .source(host, random.ephemeralPort())
                .destination(downloadAddress, downloadHost, 80)
                .threat(ThreatType.FILE_PATTERN, "TROJAN", malware)
                .file(file, random.hex(40), "http://" + downloadHost + "/dl/" + file)
                .traffic("TCP", "HTTP", 1, "not blocked")
                .rule("Malware file downloaded over HTTP", "Point of Entry"));
        for (int n = 6 + random.nextInt(7); n > 0; n--) {
            events.add(new DetectionEvent(8, "100401", "C&C callback detected")
                    .source(host, random.ephemeralPort())
                    .destination(c2Address, c2Host, c2Port)
                    .threat(ThreatType.MALICIOUS_BEHAVIOR, "BACKDOOR", malware)
                    .file(null, null, "https://" + c2Host + ":" + c2Port + "/gate.php")
                    .traffic("TCP", "HTTPS", 1, "not blocked")
                    .rule("Callback to known C&C server", "Command and Control Communication"));
        }
        return planted(Scenario.C2_CALLBACK, appliance, window, events, List.of(host.name()), malware,
                c2Address + " (" + c2Host + ":" + c2Port + ")",
                host.name() + " downloaded " + malware + " from http://" + downloadHost + "/dl/" + file + " ("
                        + downloadAddress + "), then called back " + (events.size() - 1) + " times to " + c2Address
                        + " (" + c2Host + ":" + c2Port + ")");
    }

    /** One outside address tries password after password against one server's logon service. */
    private Plan.Planted bruteForce(SimulatedAppliance appliance, Window window) {
        Host server = random.pick(appliance.servers());
        String attacker = "192.0.2." + (10 + random.nextInt(240));
        int port = random.pick(List.of(22, 3389, 445));
        String service = port == 22 ? "SSH" : port == 3389 ? "RDP" : "SMB";
        List<DetectionEvent> events = new ArrayList<>();
        for (int n = 30 + random.nextInt(31); n > 0; n--) {
            events.add(new DetectionEvent(6, "100730", "Unsuccessful logon attempt")
                    .externalSource(attacker, random.ephemeralPort())
                    .destination(server.address(), server.name(), port)
                    .threat(ThreatType.SUSPICIOUS_BEHAVIOR, null, null)
                    .user(random.pick(List.of("administrator", "admin", "root", "backup", "svc-sql")))
                    .traffic("TCP", service, 0, "blocked")
                    .rule("Multiple unsuccessful logon attempts (" + service + ")", "Access Attempt"));
        }
        return planted(Scenario.BRUTE_FORCE, appliance, window, events, List.of(server.name()), null, attacker,
                events.size() + " failed " + service + " logons from " + attacker + " against " + server.name()
                        + " (" + server.address() + ")");
    }

    /** A compromised workstation uses a stolen service account to run commands on other machines. */
    private Plan.Planted lateralMovement(SimulatedAppliance appliance, Window window) {
        Host source = random.pick(appliance.workstations());
        List<Host> candidates = new ArrayList<>(appliance.servers());
        appliance.workstations().stream().filter(h -> !h.equals(source)).limit(20).forEach(candidates::add);
        List<Host> targets = random.distinct(candidates, 4 + random.nextInt(3));
        String account = random.pick(List.of("svc-backup", "svc-deploy", "it-admin"));
        List<DetectionEvent> events = new ArrayList<>();
        for (Host target : targets) {
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                boolean psexec = random.nextBoolean();
                events.add(new DetectionEvent(8, psexec ? "100862" : "100863",
                        psexec ? "Remote service created with PsExec" : "Remote process started with WMI")
                        .source(source, random.ephemeralPort())
                        .destination(target.address(), target.name(), psexec ? 445 : 135)
                        .threat(ThreatType.SUSPICIOUS_BEHAVIOR, null, null)
                        .user(account)
                        .traffic("TCP", psexec ? "SMB2" : "DCE-RPC", null, "not blocked")
                        .rule(psexec ? "PsExec remote service creation" : "WMI remote process execution",
                                "Lateral Movement"));
            }
        }
        List<String> hosts = new ArrayList<>(List.of(source.name()));
        hosts.addAll(names(targets));
        return planted(Scenario.LATERAL_MOVEMENT, appliance, window, events, hosts, null, null,
                source.name() + " moved as " + account + " to " + targets.size() + " hosts: "
                        + String.join(", ", names(targets)));
    }

    private record Window(Instant from, Duration length) {
        Instant at(int i, int n) {
            return from.plusMillis(n <= 1 ? 0 : length.toMillis() * i / (n - 1));
        }
    }

    private Window window(Instant start, Duration span, Duration natural) {
        Duration length = natural.compareTo(span.dividedBy(2)) < 0 ? natural : span.dividedBy(2);
        long room = span.minus(length).toMillis();
        return new Window(start.plusMillis(room <= 0 ? 0 : (long) (random.nextDouble() * room)), length);
    }

    /** Spreads the events over the window in order, hands them on and describes what was planted. */
    private Plan.Planted planted(Scenario scenario, SimulatedAppliance appliance, Window window,
                                 List<DetectionEvent> events, List<String> hosts, String malware, String remote,
                                 String summary) {
        for (int i = 0; i < events.size(); i++) {
            sink.add(appliance, events.get(i).at(window.at(i, events.size())));
        }
        return new Plan.Planted(scenario, appliance.account(), appliance.guid(), appliance.hostname(), hosts, malware,
                remote, window.at(0, events.size()), window.at(events.size() - 1, events.size()), events.size(),
                summary);
    }

    private static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::name).toList();
    }
}
