package tmsp.correlation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tmsp.incident.IncidentFinding;

/**
 * Not a test: the load check of the shipped rules. One account-day of 1,000,000 detections (2,000 workstations,
 * 20 servers, noise shaped like the simulator's {@code TrafficGenerator.noise()}, plus its four planted attacks of
 * {@code AttackScenarios} with their field shapes) streamed in event-time order through one session with every
 * rule of {@code rules/}. Prints time, detections/s, facts left, peak heap, incidents by rule, whether each planted
 * attack was found and how many incidents came from noise alone. After {@code ./mvnw test-compile}:
 * <pre>
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) tmsp.correlation.RuleSetLoad
 * </pre>
 * {@code -Ddetections=N} changes the count, {@code -Dfiles=a.drl,b.drl} runs only those files.
 */
public final class RuleSetLoad {

    static final int DETECTIONS = Integer.getInteger("detections", 1_000_000);
    static final int WORKSTATIONS = 2_000;
    static final int SERVERS = 20;
    static final long ACCOUNT = 42;
    static final Instant DAY = Instant.parse("2026-11-25T00:00:00Z");
    static final List<String> APPLICATIONS = List.of("BitTorrent", "Skype", "Dropbox", "TeamViewer", "Spotify", "Steam");
    static final List<String> AD_SITES = List.of("ads.tracker-net.example", "cheap-deals.example",
            "free-codecs.example", "popunder.example", "clickbait-news.example");
    static final List<String> USERS = List.of("j.smith", "m.mueller", "a.rossi", "l.dubois", "k.tanaka");

    /** A planted attack: its detections, and the rule that must find it. */
    record Planted(String name, String ruleId, List<DetectionFact> detections) {
    }

    private final Random random = new Random(7);
    private long nextId = 1;

    public static void main(String[] args) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            String only = System.getProperty("files", "");
            for (Path p : files.filter(p -> p.toString().endsWith(".drl"))
                    .filter(p -> only.isEmpty() || List.of(only.split(",")).contains(p.getFileName().toString())).toList()) {
                sources.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        CompiledRules rules = RuleCompiler.compile("load", sources, Map.of());
        new RuleSetLoad().generateOnly();
        new RuleSetLoad().run(rules);
    }

    /** Makes the same detections without correlating them: what the generator alone costs. */
    void generateOnly() {
        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long sum = 0;
        for (int i = 0; i < DETECTIONS; i++) {
            sum += noise(DAY.toEpochMilli() + i).getSeverityLevel();
        }
        System.out.printf("making %,d detections alone: %.2f s, %.2f s of CPU (%d)%n", DETECTIONS,
                (System.nanoTime() - started) / 1e9,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9, sum % 10);
    }

    void run(CompiledRules rules) {
        List<Planted> planted = plant();
        List<DetectionFact> attacks = planted.stream().flatMap(p -> p.detections().stream())
                .sorted(java.util.Comparator.comparingLong(DetectionFact::getTimestamp)).toList();
        Set<Long> plantedIds = new HashSet<>();
        attacks.forEach(d -> plantedIds.add(d.getId()));
        int noise = DETECTIONS - attacks.size();
        HeapWatch heap = HeapWatch.start();
        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<IncidentFinding> findings;
        long factsLeft;
        try (CorrelationSession session = new CorrelationSession(rules)) {
            int a = 0;
            long span = Duration.ofDays(1).toMillis();
            for (int i = 0; i < noise; i++) {
                long at = DAY.toEpochMilli() + span * i / noise;
                while (a < attacks.size() && attacks.get(a).getTimestamp() <= at) {
                    session.insert(attacks.get(a++));
                }
                session.insert(noise(at));
            }
            while (a < attacks.size()) {
                session.insert(attacks.get(a++));
            }
            findings = session.findings();
            factsLeft = session.factCount();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        heap.stop();
        System.out.printf("CPU time of the correlating thread: %.2f s (GC threads not counted)%n", cpu);
        report(rules, planted, plantedIds, noise, findings, factsLeft, seconds, heap);
    }

    private void report(CompiledRules rules, List<Planted> planted, Set<Long> plantedIds, int noise,
                        List<IncidentFinding> findings, long factsLeft, double seconds, HeapWatch heap) {
        System.out.printf("rules: %d (%s), detection lifetime %s%n", rules.rules().size(), rules.version(),
                rules.detectionLifetime());
        System.out.printf("detections: %,d (%,d planted) in %.2f s = %,.0f detections/s%n", DETECTIONS,
                DETECTIONS - noise, seconds, DETECTIONS / seconds);
        System.out.printf("facts left in the session: %,d%n", factsLeft);
        System.out.printf("peak heap used: %,d MiB (sampled), %,d MiB (sum of pool peaks); max %,d MiB%n",
                heap.peak.get() >> 20, heap.poolPeaks() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        System.out.println("incidents by rule: " + byRule);
        int found = 0;
        for (Planted p : planted) {
            Set<Long> ids = new HashSet<>();
            p.detections().forEach(d -> ids.add(d.getId()));
            boolean hit = findings.stream().anyMatch(f -> f.ruleId().equals(p.ruleId())
                    && f.detectionIds().stream().anyMatch(ids::contains));
            found += hit ? 1 : 0;
            System.out.printf("planted %-16s -> %-22s %s%n", p.name(), p.ruleId(), hit ? "FOUND" : "MISSED");
        }
        List<IncidentFinding> fromNoise = findings.stream()
                .filter(f -> f.detectionIds().stream().noneMatch(plantedIds::contains)).toList();
        System.out.printf("recall: %d/%d; incidents from noise alone: %d (%.2f per 100,000 benign; limit 1)%n",
                found, planted.size(), fromNoise.size(), fromNoise.size() * 100_000.0 / noise);
        fromNoise.stream().limit(10).forEach(f -> System.out.println("  noise: " + f.ruleId() + " " + f.title()));
    }

    // ---- noise, as TrafficGenerator.noise() makes it ----

    private DetectionFact noise(long at) {
        int ws = random.nextInt(WORKSTATIONS);
        String outside = "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        DetectionFact.Builder b = DetectionFact.builder(nextId++, ACCOUNT, Instant.ofEpochMilli(at)).productId(1);
        return switch (random.nextInt(5)) {
            case 0, 1 -> {
                String application = APPLICATIONS.get(random.nextInt(APPLICATIONS.size()));
                yield b.severity("informational").eventName("Disruptive application detected")
                        .src(workstationAddress(ws), workstation(ws), port())
                        .dst(outside, null, application.equals("BitTorrent") ? 6881 : 443)
                        .threatType("Disruptive Applications").malwareType("Disruptive application")
                        .application(application).direction("OUTBOUND").action("not blocked")
                        .ruleName("Disruptive application: " + application).build();
            }
            case 2 -> {
                String site = AD_SITES.get(random.nextInt(AD_SITES.size()));
                yield b.severity("low").eventName("Access to low-reputation URL")
                        .src(workstationAddress(ws), workstation(ws), port()).dst(outside, site, 80)
                        .threatType("Web Reputation").url("http://" + site + "/landing?id=" + random.nextInt(100000))
                        .application("HTTP").direction("OUTBOUND").action("blocked")
                        .ruleName("Web reputation: dangerous or suspicious URL").attackPhase("Point of Entry").build();
            }
            case 3 -> b.severity("low").eventName("Grayware detected")
                    .src(workstationAddress(ws), workstation(ws), port())
                    .dst(outside, AD_SITES.get(random.nextInt(AD_SITES.size())), 443)
                    .threatType("Grayware").malwareType("ADWARE").application("HTTPS").direction("OUTBOUND")
                    .action("not blocked").ruleName("Adware communication").build();
            default -> {
                int server = random.nextInt(SERVERS);
                yield b.severity("medium").eventName("Unsuccessful logon attempt")
                        .src(workstationAddress(ws), workstation(ws), port())
                        .dst(serverAddress(server), server(server), 445)
                        .threatType("Suspicious Behavior").user(USERS.get(random.nextInt(USERS.size())))
                        .application("SMB2").action("not blocked").ruleName("Unsuccessful logon attempt")
                        .attackPhase("Access Attempt").build();
            }
        };
    }

    // ---- the four planted attacks, as AttackScenarios plants them ----

    private List<Planted> plant() {
        return List.of(outbreak(DAY.plus(Duration.ofHours(3))), callback(DAY.plus(Duration.ofHours(9))),
                bruteForce(DAY.plus(Duration.ofHours(14))), lateral(DAY.plus(Duration.ofHours(20))));
    }

    private Planted outbreak(Instant start) {
        List<Integer> hosts = distinct(6 + random.nextInt(4));
        List<DetectionFact.Builder> events = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            int h = hosts.get(i);
            String peerAddress = i == 0 ? serverAddress(3) : workstationAddress(hosts.get(i - 1));
            String peerName = i == 0 ? server(3) : workstation(hosts.get(i - 1));
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                events.add(planted().severity("high").eventName("Malware detected in file transfer")
                        .src(workstationAddress(h), workstation(h), port()).dst(peerAddress, peerName, 445)
                        .threatType("File Pattern").malwareType("WORM").threatName("WORM_CONFICKER.SMA")
                        .file("svchosts.exe", "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3").application("SMB2")
                        .action("not blocked").ruleName("File transfer of known malware")
                        .attackPhase("Lateral Movement"));
            }
        }
        return new Planted("outbreak", "malware-outbreak", spread(events, start, Duration.ofMinutes(30)));
    }

    private Planted callback(Instant start) {
        int h = random.nextInt(WORKSTATIONS);
        List<DetectionFact.Builder> events = new ArrayList<>();
        events.add(planted().severity("high").eventName("Malware file downloaded")
                .src(workstationAddress(h), workstation(h), port()).dst("198.51.100.77", "cdn-update.example", 80)
                .threatType("File Pattern").malwareType("TROJAN").threatName("BKDR_COBEACON.SMA")
                .file("setup_update.exe", "0B1D2F3A4C5E6F708192A3B4C5D6E7F801234567")
                .url("http://cdn-update.example/dl/setup_update.exe").application("HTTP").direction("OUTBOUND")
                .action("not blocked").ruleName("Malware file downloaded over HTTP").attackPhase("Point of Entry"));
        for (int n = 6 + random.nextInt(7); n > 0; n--) {
            events.add(planted().severity("high").eventName("C&C callback detected")
                    .src(workstationAddress(h), workstation(h), port()).dst("203.0.113.45", "sync42.api.example", 443)
                    .threatType("Malicious Behavior").malwareType("BACKDOOR").threatName("BKDR_COBEACON.SMA")
                    .url("https://sync42.api.example:443/gate.php").application("HTTPS").direction("OUTBOUND")
                    .action("not blocked").ruleName("Callback to known C&C server")
                    .attackPhase("Command and Control Communication"));
        }
        return new Planted("download + C&C", "download-then-callback", spread(events, start, Duration.ofMinutes(20)));
    }

    private Planted bruteForce(Instant start) {
        int server = random.nextInt(SERVERS);
        List<DetectionFact.Builder> events = new ArrayList<>();
        for (int n = 30 + random.nextInt(31); n > 0; n--) {
            events.add(planted().severity("medium").eventName("Unsuccessful logon attempt")
                    .src("192.0.2.66", null, port()).dst(serverAddress(server), server(server), 3389)
                    .threatType("Suspicious Behavior").user(List.of("administrator", "admin", "root").get(n % 3))
                    .application("RDP").direction("INBOUND").action("blocked")
                    .ruleName("Multiple unsuccessful logon attempts (RDP)").attackPhase("Access Attempt"));
        }
        return new Planted("brute force", "brute-force", spread(events, start, Duration.ofMinutes(5)));
    }

    private Planted lateral(Instant start) {
        int source = random.nextInt(WORKSTATIONS);
        List<DetectionFact.Builder> events = new ArrayList<>();
        int targets = 4 + random.nextInt(3);
        for (int t = 0; t < targets; t++) {
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                boolean psexec = random.nextBoolean();
                events.add(planted().severity("high")
                        .eventName(psexec ? "Remote service created with PsExec" : "Remote process started with WMI")
                        .src(workstationAddress(source), workstation(source), port())
                        .dst(serverAddress(t), server(t), psexec ? 445 : 135)
                        .threatType("Suspicious Behavior").user("svc-deploy").application(psexec ? "SMB2" : "DCE-RPC")
                        .action("not blocked")
                        .ruleName(psexec ? "PsExec remote service creation" : "WMI remote process execution")
                        .attackPhase("Lateral Movement"));
            }
        }
        return new Planted("lateral movement", "lateral-movement", spread(events, start, Duration.ofMinutes(15)));
    }

    private DetectionFact.Builder planted() {
        return DetectionFact.builder(nextId++, ACCOUNT, DAY).productId(1);
    }

    /** The events evenly over the span, as AttackScenarios spreads them (the builders' times are replaced). */
    private static List<DetectionFact> spread(List<DetectionFact.Builder> events, Instant start, Duration span) {
        List<DetectionFact> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Instant at = start.plusMillis(events.size() <= 1 ? 0 : span.toMillis() * i / (events.size() - 1));
            out.add(events.get(i).at(at).build());
        }
        return out;
    }

    private List<Integer> distinct(int n) {
        Set<Integer> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < n) {
            picked.add(random.nextInt(WORKSTATIONS));
        }
        return List.copyOf(picked);
    }

    private int port() {
        return 49152 + random.nextInt(16384);
    }

    private static final String[] WS_NAMES = new String[WORKSTATIONS];
    private static final String[] WS_ADDRESSES = new String[WORKSTATIONS];

    static {
        for (int i = 0; i < WORKSTATIONS; i++) {
            WS_NAMES[i] = String.format("hq-ws-%04d", i);
            WS_ADDRESSES[i] = "10.1." + (i / 250) + "." + (i % 250 + 2);
        }
    }

    static String workstation(int i) { return WS_NAMES[i]; }
    static String workstationAddress(int i) { return WS_ADDRESSES[i]; }
    static String server(int i) { return "hq-srv-" + i; }
    static String serverAddress(int i) { return "10.0.0." + (10 + i); }

    /** The highest heap use seen by a sampler thread, and the heap pools' own peaks. */
    static final class HeapWatch {
        final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "heap-watch");
                    t.setDaemon(true);
                    return t;
                });

        static HeapWatch start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapWatch w = new HeapWatch();
            w.sampler.scheduleAtFixedRate(w::sample, 0, 5, TimeUnit.MILLISECONDS);
            return w;
        }

        private void sample() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void stop() {
            sampler.shutdownNow();
            sample();
        }

        long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }
}
