package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.mitigation.CaseStatus;
import tmsp.support.IntegrationTest;

/**
 * The route that sends a sample to the vendor, over real HTTP on loopback (the drop folder is ThreatMitigationIT's):
 * the zip is POSTed with the case's headers; a vendor that fails once gets it on the next try; one that keeps failing
 * gets vendor-retries more tries, and then the failure goes back to the caller, which records it on the case.
 */
@IntegrationTest
class VendorRouteIT {

    record Received(String method, String contentType, String caseId, String sha256, byte[] body) {
    }

    @Autowired ProducerTemplate camel;
    @Autowired MitigationProperties properties;
    @Autowired MitigationCases cases;
    @Autowired PatternDeployments deployments;
    @Autowired CleanupPatterns patterns;
    @Autowired FileStore files;
    @Autowired CaseJournal journal;
    @Autowired CaseWork work;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired MitigatorPatterns mitigatorPatterns;

    @TempDir Path folder;
    HttpServer vendor;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void aVendor() throws IOException {
        vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/samples", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Case-Id"),
                    exchange.getRequestHeaders().getFirst("X-Sample-SHA256"), exchange.getRequestBody().readAllBytes()));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 201;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        vendor.start();
    }

    @AfterEach
    void stop() {
        vendor.stop(0);
    }

    @Test
    void theSampleIsPostedAndAFailedTryIsRepeated() throws IOException {
        failuresLeft.set(1);

        Exchange sent = send();

        assertThat(sent.getException()).isNull();
        assertThat(received).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).startsWith("application/zip");
            assertThat(r.caseId()).isEqualTo("42");
            assertThat(r.sha256()).isEqualTo("ab12");
            assertThat(r.body()).isEqualTo("PK\u0003\u0004 sample".getBytes());
        });
    }

    @Test
    void aVendorThatKeepsFailingGetsItsRetriesThenTheCallerTheFailure() throws IOException {
        failuresLeft.set(Integer.MAX_VALUE);

        Exchange sent = send();

        assertThat(sent.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(((HttpOperationFailedException) sent.getException()).getStatusCode()).isEqualTo(503);
        assertThat(received).hasSize(1 + properties.vendorRetries());
    }

    @Test
    void aSubmissionThatFailsIsInTheCasesHistoryAndOneThatSucceedsSendsTheCase() throws Exception {
        long caseId = fixtures().sample(-1, -1, "tms-route.example", "10.0.0.1", "pc-1", "PK\u0003\u0004 zip".getBytes());
        VendorSubmission submission = new VendorSubmission(camel, cases, files, work, json, new MitigationProperties(
                properties.storage(), properties.maxSampleSize(), properties.maxPatternSize(), properties.maxStatusBatch(),
                "http://127.0.0.1:" + vendor.getAddress().getPort() + "/samples", properties.vendorRetries(),
                properties.retryCycle()));
        failuresLeft.set(Integer.MAX_VALUE);

        assertThatThrownBy(() -> submission.submit(caseId, "admin"))
                .isInstanceOf(VendorSubmission.VendorUnreachable.class).hasMessageContaining("503");

        assertThat(jdbc.queryForList("select step || ' ' || actor || ' ' || details from mitigation_case_steps"
                + " where case_id = ? order by id", String.class, caseId)).last().asString()
                .startsWith("SUBMISSION_FAILED admin http://127.0.0.1:").contains("statusCode: 503");
        assertThat(cases.findById(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);

        failuresLeft.set(0);
        submission.submit(caseId, "admin");
        assertThat(cases.findById(caseId).orElseThrow().status()).isEqualTo(CaseStatus.SENT_TO_VENDOR);
        assertThat(received.get(received.size() - 1).caseId()).isEqualTo(String.valueOf(caseId));
        int deliveries = received.size();
        submission.submit(caseId, "admin");
        assertThat(received).as("sent once: a job run again sends nothing").hasSize(deliveries);
    }

    private MitigationFixtures fixtures() {
        return new MitigationFixtures(cases, deployments, patterns, files, journal, events, transactions,
                mitigatorPatterns);
    }

    private Exchange send() throws IOException {
        Path sample = Files.write(folder.resolve("sample.bin"), "PK\u0003\u0004 sample".getBytes());
        return camel.send(VendorSubmission.ROUTE, exchange -> {
            exchange.getIn().setBody(sample.toFile());
            exchange.setProperty("vendorEndpoint", "http://127.0.0.1:" + vendor.getAddress().getPort() + "/samples");
            exchange.setProperty("vendorName", "42-ab12");
            exchange.setProperty("vendorSidecar", "{}");
            exchange.setProperty("caseId", 42L);
            exchange.setProperty("sha256", "ab12");
        });
    }
}
