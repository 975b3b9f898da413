package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.ingest.Detections;
import tmsp.ingest.Direction;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The read API of detections on PostgreSQL: order, bounds, account scope, extension values, a large stream. */
@IntegrationTest
class DetectionsIT {

    static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired Detections detections;

    ApplianceClient client;
    Appliance mine;
    Appliance theirs;

    record Appliance(long accountId, long productId, String token) {
    }

    @BeforeEach
    void twoAccountsWithAnApplianceEach() throws Exception {
        client = new ApplianceClient(port);
        mine = appliance("Reader");
        theirs = appliance("Other");
    }

    Appliance appliance(String prefix) throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, prefix);
        JsonNode registered = json.readTree(client.register(account, "DISCOVERY", UUID.randomUUID().toString()).body());
        return new Appliance(account.id(), registered.get("productId").asLong(), registered.get("token").asText());
    }

    long insert(Appliance to, Instant at, String name) {
        return jdbc.queryForObject("insert into detections (event_time, received_at, account_id, product_id, format,"
                + " severity, event_name, src_host, direction, extra, raw) values (?, now(), ?, ?, 'CEF', 3, ?, 'pc-1',"
                + " 'OUTBOUND', '{}', ?) returning id", Long.class, Timestamp.from(at), to.accountId(), to.productId(),
                name, "raw " + name);
    }

    List<StoredDetection> stream(Appliance of, Instant from, Instant to) {
        List<StoredDetection> seen = new ArrayList<>();
        long count = detections.stream(of.accountId(), from, to, seen::add);
        assertThat(count).isEqualTo(seen.size());
        return seen;
    }

    @Test
    void streamsInEventTimeThenIdOrderWithinFromInclusiveToExclusive() {
        Instant to = T0.plusSeconds(60);
        long third = insert(mine, T0.plusSeconds(3), "third");
        long firstA = insert(mine, T0, "first-a");
        long second = insert(mine, T0.plusSeconds(1), "second");
        long firstB = insert(mine, T0, "first-b");
        long last = insert(mine, to.minusMillis(1), "last");
        insert(mine, T0.minusMillis(1), "before from");
        insert(mine, to, "at to");
        insert(theirs, T0.plusSeconds(2), "other account");

        List<StoredDetection> seen = stream(mine, T0, to);

        assertThat(seen).extracting(StoredDetection::id)
                .containsExactly(Math.min(firstA, firstB), Math.max(firstA, firstB), second, third, last);
        assertThat(seen).allSatisfy(d -> {
            assertThat(d.accountId()).isEqualTo(mine.accountId());
            assertThat(d.productId()).isEqualTo(mine.productId());
            assertThat(d.raw()).as("the stream leaves the raw line out").isNull();
            assertThat(d.severity()).as("stored as its ordinal").isEqualTo(Severity.HIGH);
            assertThat(d.direction()).isEqualTo(Direction.OUTBOUND);
        });
        assertThat(stream(theirs, T0, to)).extracting(StoredDetection::eventName).containsExactly("other account");
    }

    @Test
    void extensionValuesOfAnUploadedLineAreMappedAndByIdsCarriesTheRawLine() throws Exception {
        String line = "CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|20|Logon failure|8|"
                + "rt=Mar 10 2026 09:00:00 GMT+00:00 src=10.1.2.3 shost=pc-7 dst=10.0.0.4 dpt=445 "
                + "cn3Label=ThreatType cn3=0 malType=TROJAN suser=bob duser=alice app=SMB proto=TCP msg=x";
        String leef = "LEEF:2.0|IBM|QRadar|7.5|Brute force|^|devTime=1773133200000^src=198.51.100.7^usrName=carol^sev=6";
        HttpResponse<String> answer = client.post("/api/v1/logs", "Bearer " + mine.token(), "text/plain",
                line + "\n" + leef + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        List<StoredDetection> seen = stream(mine, T0, T0.plusSeconds(7200));

        assertThat(seen).hasSize(2);
        StoredDetection cef = seen.get(0);
        assertThat(cef.user()).as("the target user comes before the source user").isEqualTo("alice");
        assertThat(cef.application()).isEqualTo("SMB");
        assertThat(cef.protocol()).isEqualTo("TCP");
        assertThat(cef.malwareType()).isEqualTo("TROJAN");
        assertThat(cef.sourceHost()).isEqualTo("pc-7");
        assertThat(cef.destinationPort()).isEqualTo(445);
        assertThat(cef.severity()).isEqualTo(Severity.HIGH);
        StoredDetection fromLeef = seen.get(1);
        assertThat(fromLeef.user()).isEqualTo("carol");
        assertThat(fromLeef.application()).isNull();
        assertThat(fromLeef.sourcePort()).isNull();

        List<StoredDetection> byIds = detections.byIds(mine.accountId(), List.of(fromLeef.id(), cef.id()));
        assertThat(byIds).extracting(StoredDetection::id).containsExactly(cef.id(), fromLeef.id());
        assertThat(byIds.get(0).raw()).isEqualTo(line);
        assertThat(byIds.get(0).user()).isEqualTo("alice");
    }

    @Test
    void byIdsReadsInChunksAndIgnoresOtherAccountsIds() {
        List<Long> ids = jdbc.queryForList("insert into detections (event_time, received_at, account_id, product_id,"
                + " format, severity, raw) select ?::timestamptz + n * interval '1 second', now(), ?, ?, 'CEF', 2, 'line ' || n"
                + " from generate_series(1, 2500) n returning id", Long.class, Timestamp.from(T0), mine.accountId(),
                mine.productId());
        long foreign = insert(theirs, T0, "not yours");
        List<Long> asked = new ArrayList<>(ids);
        asked.add(foreign);
        asked.add(-1L);

        List<StoredDetection> found = detections.byIds(mine.accountId(), asked);

        assertThat(found).extracting(StoredDetection::id).containsExactlyElementsOf(ids);
        assertThat(found.get(2499).raw()).isEqualTo("line 2500");
        assertThat(detections.byIds(theirs.accountId(), ids)).isEmpty();
        assertThat(detections.byIds(mine.accountId(), asked, T0.plusSeconds(10), T0.plusSeconds(12)))
                .as("bounds included at both ends").extracting(StoredDetection::raw)
                .containsExactly("line 10", "line 11", "line 12");
    }

    @Test
    void aStreamHandsOutOneInstanceOfEachRepeatedTextAndDecodesEveryCharacter() {
        String host = "Büro-€-🦠-" + UUID.randomUUID();
        insert(mine, T0, host);
        insert(mine, T0.plusSeconds(1), host);
        insert(mine, T0.plusSeconds(2), "x".repeat(RepeatedTexts.MAX_LENGTH + 1));

        List<StoredDetection> seen = stream(mine, T0, T0.plusSeconds(60));

        assertThat(seen).extracting(StoredDetection::eventName)
                .containsExactly(host, host, "x".repeat(RepeatedTexts.MAX_LENGTH + 1));
        assertThat(seen.get(1).eventName()).as("repeated in one read: one instance").isSameAs(seen.get(0).eventName());
        assertThat(seen.get(1).sourceHost()).isSameAs(seen.get(0).sourceHost()).isEqualTo("pc-1");
        assertThat(stream(mine, T0, T0.plusSeconds(60)).get(0).eventName())
                .as("another read starts afresh: nothing is kept between reads").isNotSameAs(seen.get(0).eventName());
    }

    @Test
    void aLargeStreamPassesThroughAServerSideCursor() throws Exception {
        int rows = 200_000;
        jdbc.update("insert into detections (event_time, received_at, account_id, product_id, format, severity,"
                + " event_name, raw) select ?::timestamptz + n * interval '100 milliseconds', now(), ?, ?, 'CEF', 2,"
                + " 'noise', '' from generate_series(1, ?) n", Timestamp.from(T0), mine.accountId(), mine.productId(), rows);
        long[] seen = {0};
        Instant[] previous = {Instant.MIN};
        int[] openCursors = {-1};

        long count = detections.stream(mine.accountId(), T0, T0.plusSeconds(86_400), d -> {
            assertThat(d.eventTime()).isAfter(previous[0]);
            previous[0] = d.eventTime();
            if (seen[0]++ == 0) {
                openCursors[0] = portalsOfTheStreamingTransaction();
            }
        });

        assertThat(count).isEqualTo(rows);
        assertThat(seen[0]).isEqualTo(rows);
        assertThat(openCursors[0]).as("the query is still open on the server while the first row is consumed")
                .isEqualTo(1);
    }

    @Test
    void streamUploadHandsOverOneUploadsDetectionsOfItsAccountInTimeOrder() throws Exception {
        String later = "CEF:0|Trend Micro|DDI|6|20|Later|4|rt=Mar 10 2026 09:00:05 GMT+00:00 shost=pc-2";
        String earlier = "CEF:0|Trend Micro|DDI|6|20|Earlier|4|rt=Mar 10 2026 09:00:01 GMT+00:00 shost=pc-1";
        HttpResponse<String> answer = client.post("/api/v1/logs", "Bearer " + mine.token(), "text/plain",
                later + "\n" + earlier + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        client.post("/api/v1/logs", "Bearer " + mine.token(), "text/plain", "CEF:0|Trend Micro|DDI|6|20|Other upload|4|shost=pc-3\n");
        UUID upload = UUID.fromString(json.readTree(answer.body()).get("uploadId").asText());

        List<StoredDetection> seen = new ArrayList<>();
        long count = detections.streamUpload(mine.accountId(), upload, seen::add);

        assertThat(count).isEqualTo(2);
        assertThat(seen).extracting(StoredDetection::eventName).containsExactly("Earlier", "Later");
        assertThat(detections.streamUpload(theirs.accountId(), upload, seen::add)).as("not their upload").isZero();
    }

    /** Asked from inside the consumer: the connection of the stream's transaction is bound to this thread. */
    private int portalsOfTheStreamingTransaction() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select count(*) from pg_cursors where statement like '%order by event_time, id%'"
                             + " and statement not like '%pg_cursors%'")) {
            rs.next();
            assertThat(connection.getAutoCommit()).isFalse();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void madeUpDetectionsComeInTimeOrderOfNoAccountWithEveryKindOfValueAndAreNeverStored() {
        long stored = jdbc.queryForObject("select count(*) from detections", Long.class);
        List<StoredDetection> made = new ArrayList<>();

        assertThat(detections.streamMadeUp(5_000, made::add)).isEqualTo(5_000);

        assertThat(made).hasSize(5_000).allSatisfy(d -> assertThat(d.accountId()).isEqualTo(-1));
        assertThat(made).extracting(d -> d.eventTime().toEpochMilli()).isSorted();
        assertThat(made).extracting(StoredDetection::threatType).contains("File Pattern", "Grayware",
                "Disruptive Applications", "Exploit", "Web Reputation");
        assertThat(made).extracting(StoredDetection::eventName).contains("Unsuccessful logon attempt");
        assertThat(made).extracting(StoredDetection::severity).contains(Severity.INFORMATIONAL, Severity.HIGH)
                .doesNotContain(Severity.CRITICAL);
        // null in some rows and not in others: the way real data takes every branch of the reading path
        for (var column : List.<java.util.function.Function<StoredDetection, Object>>of(StoredDetection::sourceHost,
                StoredDetection::sourcePort, StoredDetection::destinationHost, StoredDetection::destinationPort,
                StoredDetection::direction, StoredDetection::url, StoredDetection::fileHash,
                StoredDetection::attackPhase, StoredDetection::user, StoredDetection::application,
                StoredDetection::malwareType, StoredDetection::threatName)) {
            assertThat(made).extracting(column).containsNull().anyMatch(java.util.Objects::nonNull);
        }
        assertThat(made).extracting(StoredDetection::direction).contains(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(jdbc.queryForObject("select count(*) from detections", Long.class)).isEqualTo(stored);
    }
}
