package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads against a local stand-in of the portal that is overloaded for a while. */
class PortalClientTest {

    record Request(String key, String encoding, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger busyFor = new AtomicInteger();
    HttpServer server;

    PortalClient client(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/logs", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            InputStream body = "gzip".equals(encoding) ? new GZIPInputStream(new java.io.ByteArrayInputStream(raw))
                    : new java.io.ByteArrayInputStream(raw);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            body.transferTo(text);
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), encoding,
                    text.toString(StandardCharsets.UTF_8)));
            byte[] answer;
            if (busyFor.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(503, answer.length);
            } else {
                answer = "{\"uploadId\":\"u\",\"accepted\":2,\"rejected\":1,\"replayed\":false}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
            }
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return new PortalClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anOverloadedPortalIsAskedAgainAfterRetryAfterWithTheSameKey() throws Exception {
        PortalClient client = client(201);
        busyFor.set(2);
        long started = System.nanoTime();

        PortalClient.UploadResult result = client.upload("t", List.of("CEF:a", "CEF:b", "bad"), "key-1", true);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(result).isEqualTo(new PortalClient.UploadResult(2, 1, 2, false, null));
        assertThat(requests).hasSize(3).allMatch(r -> r.key().equals("key-1") && r.encoding().equals("gzip")
                && r.body().equals("CEF:a\nCEF:b\nbad\n"));
    }

    @Test
    void aRefusalOtherThanOverloadIsReportedNotRetried() throws Exception {
        PortalClient client = client(401);

        PortalClient.UploadResult result = client.upload("t", List.of("CEF:a"), "key-2", false);

        assertThat(result.failed()).isTrue();
        assertThat(result.failure()).startsWith("401");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).encoding()).isNull();
    }

    @Test
    void retryAfterIsReadAsSecondsWithinReason() {
        assertThat(PortalClient.retryAfter("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(PortalClient.retryAfter("86400")).isEqualTo(Duration.ofSeconds(60));
        assertThat(PortalClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
        assertThat(PortalClient.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    }
}
