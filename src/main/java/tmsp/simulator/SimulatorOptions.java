package tmsp.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a simulation runs: where it sends, as which accounts, how many appliances, how many lines at what rate.
 * {@link #parse} reads them from the command line; the demo data builds them directly.
 *
 * @param rate  lines per second; 0 sends everything at once, with times spread over {@code span} up to now
 * @param start the time of the first line; with a rate, now (with a {@code speed} above 1, as far before now as the
 *              time-lapse gains, so that the last line is dated when it is sent)
 * @param span  the time the lines' dates spread over
 * @param speed with a rate, seconds of the lines' timeline per second of sending (1: real time); the portal sees
 *              hours of traffic in minutes, never dated ahead of its clock
 */
public record SimulatorOptions(URI url, List<Account> accounts, Transport transport, String syslogHost, int syslogPort,
                               SyslogFormat syslogFormat, double rate, int lines, Instant start, Duration span,
                               long seed, Set<Scenario> scenarios, int malformedPercent, int batchSize, boolean gzip,
                               Duration heartbeatEvery, Path planJson, Mitigation mitigation, double speed) {

    public enum Transport { HTTP, SYSLOG_TCP, SYSLOG_UDP, BOTH }

    public enum SyslogFormat { RFC5424, RFC3164 }

    /** An account's product-registration credentials and how many appliances register with them. */
    public record Account(String user, String password, int discoveries, int mitigators) {
        @Override
        public String toString() {
            return "Account[" + user + ", " + discoveries + " discovery, " + mitigators + " mitigator]";
        }
    }

    /**
     * What each mitigator does besides its heartbeats.
     *
     * @param statusEvery   time between two of its endpoint status reports (on the lines' timeline); null: none
     * @param statusBatch   entries of a status report
     * @param statusHistory status reports also dated this far back before the first line, sent first
     * @param samples       forensic samples it uploads over the run
     * @param patternsEvery how often it asks for cleanup patterns while sending (and once at the end); null: never
     * @param keepPolling   how long it goes on asking for patterns after sending
     */
    public record Mitigation(Duration statusEvery, int statusBatch, Duration statusHistory, int samples,
                             Duration patternsEvery, Duration keepPolling) {

        public static final Mitigation DEFAULTS = new Mitigation(Duration.ofMinutes(5), 20, Duration.ZERO, 1,
                Duration.ofSeconds(30), Duration.ZERO);

        public Mitigation {
            if (statusHistory.isNegative() || keepPolling.isNegative() || samples < 0 || statusBatch < 1) {
                throw new IllegalArgumentException("Mitigator settings are not negative");
            }
        }
    }

    public static final String USAGE = """
            Usage: bin/simulate --registration-user USER --registration-password PASSWORD [options]
              --url URL                    the portal (default http://127.0.0.1:8080)
              --registration-user U, --registration-password P
                                           an account's product-registration credentials
              --account USER:PASSWORD      another account (repeatable); appliances are shared out among accounts
              --appliances N               discovery appliances in all (default 3)
              --mitigators N               threat mitigators in all (default 0); each reports endpoint statuses,
                                           uploads forensic samples and deploys the cleanup patterns offered to it
              --status-every D | off       a mitigator's time between endpoint status reports (default 5m)
              --status-batch N             endpoints in a status report (default 20)
              --status-history D           status reports also dated this far back, sent first (default none)
              --samples N                  forensic samples (zips) each mitigator uploads (default 1)
              --patterns-every D | off     how often mitigators ask for cleanup patterns while sending (default 30s),
                                           and once at the end; each new revision is downloaded, its SHA-256 checked
                                           and its deployment reported (FAILED "checksum mismatch" if it differs)
              --keep-polling D             go on asking for patterns for this long after sending (default no)
              --rate R                     lines per second (default 100); 0 sends at once, times spread over --span
              --events N | --duration D    how many lines (default 1000), or for how long at the rate (30s, 5m, 1h)
              --span D                     with --rate 0: the time the lines spread over, ending now (default 1h)
              --speed K                    with a rate: K seconds of the lines' timeline each second (default 1);
                                           the timeline starts as far back as that gains, so the last line is dated
                                           now: --rate 200 --duration 10m --speed 12 sends 2 hours in 10 minutes
              --transport T                http | syslog-tcp | syslog-udp | both (default http; both alternates
                                           batches between http and syslog-tcp)
              --syslog-host H, --syslog-port P   (default 127.0.0.1:1514)
              --syslog-format F            rfc5424 | rfc3164 (default rfc5424)
              --scenarios LIST             outbreak,c2-callback,brute-force,lateral-movement | all | none (default all)
              --seed S                     same seed, same appliances and lines (default 42)
              --malformed-percent P        share of noise lines cut short, to exercise the quarantine (default 0)
              --batch N                    lines per HTTP upload (default 500)
              --gzip                       compress uploads
              --heartbeat-every D          heartbeat interval while sending (default 60s)
              --plan-json FILE             also write the plan as JSON
            """;

    List<SimulatedAppliance> fleet() {
        List<SimulatedAppliance> fleet = new ArrayList<>();
        for (SimulatedAppliance.Type type : SimulatedAppliance.Type.values()) {
            for (Account account : accounts) {
                int count = type == SimulatedAppliance.Type.DISCOVERY ? account.discoveries() : account.mitigators();
                for (int i = 0; i < count; i++) {
                    fleet.add(SimulatedAppliance.of(seed, fleet.size(), account.user(), type));
                }
            }
        }
        return fleet;
    }

    TrafficGenerator.Spec spec() {
        return new TrafficGenerator.Spec(start, span, lines, scenarios, malformedPercent);
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    public static SimulatorOptions parse(String[] args, Instant now) {
        String url = "http://127.0.0.1:8080";
        String user = null;
        String password = null;
        List<String[]> credentials = new ArrayList<>();
        int appliances = 3;
        int mitigators = 0;
        double rate = 100;
        Integer events = null;
        Duration duration = null;
        Duration span = Duration.ofHours(1);
        Transport transport = Transport.HTTP;
        String syslogHost = "127.0.0.1";
        int syslogPort = 1514;
        SyslogFormat syslogFormat = SyslogFormat.RFC5424;
        Set<Scenario> scenarios = Scenario.parse("all");
        long seed = 42;
        int malformed = 0;
        int batch = 500;
        boolean gzip = false;
        Duration heartbeatEvery = Duration.ofSeconds(60);
        Path planJson = null;
        double speed = 1;
        Duration statusEvery = Mitigation.DEFAULTS.statusEvery();
        int statusBatch = Mitigation.DEFAULTS.statusBatch();
        Duration statusHistory = Mitigation.DEFAULTS.statusHistory();
        int samples = Mitigation.DEFAULTS.samples();
        Duration patternsEvery = Mitigation.DEFAULTS.patternsEvery();
        Duration keepPolling = Mitigation.DEFAULTS.keepPolling();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--gzip")) {
                gzip = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "Unknown argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = value;
                case "--registration-user" -> user = value;
                case "--registration-password" -> password = value;
                case "--account" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--account takes USER:PASSWORD");
                    }
                    credentials.add(new String[] {value.substring(0, colon), value.substring(colon + 1)});
                }
                case "--appliances" -> appliances = number(option, value, 1, 10_000);
                case "--mitigators" -> mitigators = number(option, value, 0, 10_000);
                case "--rate" -> rate = rate(value);
                case "--events" -> events = number(option, value, 1, 100_000_000);
                case "--duration" -> duration = duration(option, value);
                case "--span" -> span = duration(option, value);
                case "--speed" -> speed = speed(value);
                case "--transport" -> transport = choice(Transport.class, option, value);
                case "--syslog-host" -> syslogHost = value;
                case "--syslog-port" -> syslogPort = number(option, value, 1, 65535);
                case "--syslog-format" -> syslogFormat = choice(SyslogFormat.class, option, value);
                case "--scenarios" -> scenarios = Scenario.parse(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--malformed-percent" -> malformed = number(option, value, 0, 100);
                case "--batch" -> batch = number(option, value, 1, 100_000);
                case "--heartbeat-every" -> heartbeatEvery = duration(option, value);
                case "--plan-json" -> planJson = Path.of(value);
                case "--status-every" -> statusEvery = off(value) ? null : duration(option, value);
                case "--status-batch" -> statusBatch = number(option, value, 1, 10_000);
                case "--status-history" -> statusHistory = off(value) ? Duration.ZERO : duration(option, value);
                case "--samples" -> samples = number(option, value, 0, 1000);
                case "--patterns-every" -> patternsEvery = off(value) ? null : duration(option, value);
                case "--keep-polling" -> keepPolling = off(value) ? Duration.ZERO : duration(option, value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("--registration-user and --registration-password go together");
        }
        if (user != null) {
            credentials.add(0, new String[] {user, password});
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("Give an account's product-registration credentials"
                    + " (--registration-user and --registration-password, or --account USER:PASSWORD)");
        }
        if (events != null && duration != null) {
            throw new IllegalArgumentException("Give --events or --duration, not both");
        }
        if (duration != null && rate == 0) {
            throw new IllegalArgumentException("--duration needs a rate above 0");
        }
        int lines = events != null ? events : duration != null ? (int) Math.max(1, duration.toSeconds() * rate) : 1000;
        Instant first = now.truncatedTo(ChronoUnit.SECONDS);
        if (speed != 1 && rate == 0) {
            throw new IllegalArgumentException("--speed needs a rate above 0");
        }
        if (rate > 0) {
            Duration sending = Duration.ofMillis(Math.max(1000, (long) Math.ceil(lines * 1000 / rate)));
            span = Duration.ofMillis(Math.round(sending.toMillis() * speed));
            first = first.minus(span.minus(sending));
        } else {
            first = first.minus(span);
        }
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < credentials.size(); a++) {
            accounts.add(new Account(credentials.get(a)[0], credentials.get(a)[1], share(appliances, credentials.size(), a),
                    share(mitigators, credentials.size(), a)));
        }
        return new SimulatorOptions(URI.create(url), accounts, transport, syslogHost, syslogPort, syslogFormat, rate, lines,
                first, span, seed, scenarios, malformed, batch, gzip, heartbeatEvery, planJson,
                new Mitigation(statusEvery, statusBatch, statusHistory, samples, patternsEvery, keepPolling), speed);
    }

    MitigatorGenerator.Spec mitigatorSpec() {
        return new MitigatorGenerator.Spec(start, span, mitigation.statusEvery(), mitigation.statusBatch(),
                mitigation.statusHistory(), mitigation.samples());
    }

    private static boolean off(String value) {
        return value.trim().equalsIgnoreCase("off") || value.trim().equals("0");
    }

    /** The number of {@code total} that account {@code index} of {@code accounts} gets, dealt out in turn. */
    private static int share(int total, int accounts, int index) {
        return total / accounts + (index < total % accounts ? 1 : 0);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max);
    }

    private static double speed(String value) {
        return decimal(value, 1, 3600, "--speed takes seconds of timeline per second, 1 to 3600");
    }

    private static double rate(String value) {
        return decimal(value, 0, 1_000_000, "--rate takes lines per second, 0 to 1000000");
    }

    private static double decimal(String value, double min, double max, String wrong) {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(wrong);
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 5d}, or an ISO-8601 duration ({@code PT5M}). */
    static Duration duration(String option, String value) {
        try {
            String text = value.trim().toLowerCase(Locale.ROOT);
            Duration duration = text.startsWith("p") ? Duration.parse(text.toUpperCase(Locale.ROOT))
                    : text.endsWith("d") ? Duration.parse("P" + text.toUpperCase(Locale.ROOT))
                    : Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a duration such as 90s, 5m or 2h");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " takes one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')).toList());
        }
    }
}
