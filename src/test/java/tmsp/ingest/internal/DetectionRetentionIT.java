package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * The detections' purge on the real PostgreSQL: whole day partitions go with their day, never row by row; the default
 * partition loses its old rows; what is newer stays, also while uploads keep arriving.
 */
@IntegrationTest
class DetectionRetentionIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired DetectionPartitions partitions;
    @Autowired DetectionRetention retention;

    @Test
    void oldDayPartitionsAreDroppedOldDefaultRowsDeletedAndNewerRowsKept() {
        long account = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        LocalDate first = LocalDate.of(2012, 2, 27);
        for (int d = 0; d < 3; d++) {
            partitions.create(first.plusDays(d));
        }
        insert(account, at(first, 10), 3);              // 2012-02-27: partition, before the cutoff
        insert(account, at(first.plusDays(1), 23), 2);  // 2012-02-28: partition, ends at the cutoff
        insert(account, at(first.plusDays(2), 0), 4);   // 2012-02-29: partition, the cutoff's own day
        insert(account, at(LocalDate.of(2012, 2, 1), 12), 5);  // default partition, older
        insert(account, at(LocalDate.of(2012, 3, 20), 12), 6); // default partition, newer
        assertThat(partitionOf(account, at(first, 10))).isEqualTo("detections_p20120227");
        assertThat(partitionOf(account, at(LocalDate.of(2012, 2, 1), 12))).isEqualTo("detections_default");

        // a partition ahead that is missing (as if the daily job had not run) is made by the purge
        String weekAhead = "detections_p" + LocalDate.now(ZoneOffset.UTC).plusDays(DetectionPartitions.DAYS_AROUND)
                .toString().replace("-", "");
        assertThat(jdbc.queryForObject("select count(*) from " + weekAhead, Long.class)).isZero();
        jdbc.execute("drop table " + weekAhead);

        long removed = retention.purgeOlderThan(at(first.plusDays(2), 0));

        assertThat(exists(weekAhead)).isTrue();
        assertThat(removed).isGreaterThanOrEqualTo(3 + 2 + 5);
        assertThat(exists("detections_p20120227")).isFalse();
        assertThat(exists("detections_p20120228")).isFalse();
        assertThat(exists("detections_p20120229")).isTrue();
        assertThat(retention.dayPartitions()).doesNotContain("detections_p20120227", "detections_p20120228")
                .contains("detections_p20120229");
        assertThat(count(account, at(first, 0), at(first.plusDays(2), 0))).isZero();
        assertThat(count(account, at(LocalDate.of(2012, 2, 1), 0), at(LocalDate.of(2012, 2, 2), 0))).isZero();
        assertThat(count(account, at(first.plusDays(2), 0), at(first.plusDays(3), 0))).isEqualTo(4);
        assertThat(count(account, at(LocalDate.of(2012, 3, 20), 0), at(LocalDate.of(2012, 3, 21), 0))).isEqualTo(6);
        // run again: nothing left to remove of this account
        retention.purgeOlderThan(at(first.plusDays(2), 0));
        assertThat(count(account, at(first.plusDays(2), 0), at(first.plusDays(3), 0))).isEqualTo(4);
    }

    @Test
    void aPurgeWhileUploadsArriveLosesNoNewDetection() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Purge uploads");
        ApplianceClient appliance = new ApplianceClient(port);
        String token = "Bearer " + json.readTree(appliance.register(account, "DISCOVERY", UUID.randomUUID().toString())
                .body()).get("token").asText();
        LocalDate old = LocalDate.of(2012, 5, 1);
        for (int d = 0; d < 10; d++) {
            partitions.create(old.plusDays(d));
            insert(-1, at(old.plusDays(d), 12), 200);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        CompletableFuture<List<HttpResponse<String>>> uploads = CompletableFuture.supplyAsync(() -> {
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 500; i++) {
                    lines.append("{\"eventTime\":\"").append(today).append("T00:00:0").append(i % 10)
                            .append("Z\",\"severity\":\"low\",\"threatName\":\"PURGE_RACE\",\"sourceHost\":\"pc-")
                            .append(i).append("\"}\n");
                }
                try {
                    answers.add(appliance.post("/api/v1/logs", token, "application/x-ndjson", lines.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return answers;
        });

        // purge while the uploads are under way
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from uploads where account_id = ?", Long.class, account.id()) > 0);
        long removed = retention.purgeOlderThan(at(old.plusDays(10), 0));
        List<HttpResponse<String>> answers = uploads.get();

        assertThat(removed).isGreaterThanOrEqualTo(2000);
        for (int d = 0; d < 10; d++) {
            assertThat(exists("detections_p" + old.plusDays(d).toString().replace("-", ""))).isFalse();
        }
        long accepted = 0;
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode receipt = json.readTree(answer.body());
            accepted += receipt.get("accepted").asLong();
            assertThat(jdbc.queryForObject("select count(*) from detections where upload_id = ?::uuid", Long.class,
                    receipt.get("uploadId").asText())).isEqualTo(receipt.get("accepted").asLong());
        }
        assertThat(accepted).isEqualTo(20 * 500);
        assertThat(jdbc.queryForObject("select count(*) from detections where account_id = ?", Long.class, account.id()))
                .isEqualTo(accepted);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private void insert(long account, Instant first, int count) {
        jdbc.update("insert into detections (event_time, received_at, account_id, product_id, format, severity, raw)"
                + " select ?::timestamptz + n * interval '1 second', now(), ?, 0, 'CEF', 3, 'purge test ' || n"
                + " from generate_series(0, ? - 1) n", Timestamp.from(first), account, count);
    }

    private String partitionOf(long account, Instant time) {
        return jdbc.queryForObject("select tableoid::regclass::text from detections where account_id = ? and event_time = ?",
                String.class, account, Timestamp.from(time));
    }

    private boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table));
    }

    private long count(long account, Instant from, Instant to) {
        return jdbc.queryForObject("select count(*) from detections where account_id = ? and event_time >= ?"
                + " and event_time < ?", Long.class, account, Timestamp.from(from), Timestamp.from(to));
    }
}
