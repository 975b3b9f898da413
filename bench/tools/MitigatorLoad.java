import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mitigators for bench/mitigation.sh.
 * register PORT USER PASSWORD COUNT TOKENS_FILE: registers COUNT mitigators (8 at a time), one token a line.
 * statuses PORT TOKENS_FILE SECONDS ENTRIES: one thread per token, each posting endpoint status batches of ENTRIES
 * entries back to back for SECONDS seconds (bodies made before the clock starts); prints the counts and latencies.
 */
public class MitigatorLoad {

    static final String[] STATUSES = {"MITIGATION_IN_PROGRESS", "Resolved threats", "UNRESOLVED",
            "Assessed endpoint: manual cleanup needed", "No mitigation: mitigation exception", "MITIGATION_FAILED"};

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + args[1];
        if (args[0].equals("register")) {
            register(http, base, args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
        } else {
            statuses(http, base, Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
        }
    }

    static void register(HttpClient http, String base, String user, String password, int count, Path tokens)
            throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            registered.add(pool.submit(() -> {
                String body = "{\"type\":\"MITIGATOR\",\"hostname\":\"mitigator-" + n + ".bench\",\"guid\":\""
                        + UUID.randomUUID() + "\",\"version\":\"1.0\"}";
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/products"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201) {
                    throw new IllegalStateException("registration answered " + answer.statusCode() + ": " + answer.body());
                }
                return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            }));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> token : registered) {
            lines.add(token.get());
        }
        pool.shutdown();
        Files.write(tokens, lines);
    }

    static void statuses(HttpClient http, String base, List<String> tokens, int seconds, int entries) throws Exception {
        Random random = new Random(7);
        Instant now = Instant.now();
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            StringBuilder body = new StringBuilder("[");
            for (int e = 0; e < entries; e++) {
                int host = random.nextInt(5000);
                body.append(e == 0 ? "" : ",").append("{\"ip\":\"10.").append(host / 250).append('.').append(host % 250)
                        .append('.').append(1 + random.nextInt(250)).append("\",\"hostname\":\"pc-").append(host)
                        .append(".corp.example\",\"status\":\"").append(STATUSES[random.nextInt(STATUSES.length)])
                        .append("\",\"threat\":\"TROJ_BENCH.").append(random.nextInt(50)).append("\",\"time\":\"")
                        .append(now.minusSeconds(random.nextInt(86_400))).append("\"}");
            }
            bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        URI uri = URI.create(base + "/api/v1/mitigation/endpoint-statuses");
        String expected = "{\"accepted\":" + entries + ",\"rejected\":[]}";
        AtomicLong batches = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[tokens.size()][];
        int[] counts = new int[tokens.size()];
        long started = System.nanoTime();
        long until = started + seconds * 1_000_000_000L;
        List<Thread> mitigators = new ArrayList<>();
        for (int m = 0; m < tokens.size(); m++) {
            int me = m;
            latencies[me] = new long[1024];
            Thread thread = new Thread(() -> {
                int i = me;
                while (System.nanoTime() < until) {
                    byte[] body = bodies.get(i++ % bodies.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + tokens.get(me))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200 && answer.body().equals(expected)) {
                            batches.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (counts[me] == latencies[me].length) {
                        latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                    }
                    latencies[me][counts[me]++] = (System.nanoTime() - t0) / 1_000_000;
                }
            });
            thread.start();
            mitigators.add(thread);
        }
        for (Thread thread : mitigators) {
            thread.join();
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int m = 0; m < counts.length; m++) {
            System.arraycopy(latencies[m], 0, all, at, counts[m]);
            at += counts[m];
        }
        Arrays.sort(all);
        System.out.printf("batches=%d statuses=%d failures=%d wall_ms=%d p50_ms=%d p95_ms=%d max_ms=%d%n",
                batches.get(), batches.get() * entries, failures.get(), wallMs, percentile(all, 50),
                percentile(all, 95), all.length == 0 ? 0 : all[all.length - 1]);
    }

    static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
