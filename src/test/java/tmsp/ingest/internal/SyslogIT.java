package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.FreeSyslogPort;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Syslog over real TCP and UDP sockets on loopback into PostgreSQL, attributed by the appliance's GUID. */
@IntegrationTest
@CamelSpringBootTest
class SyslogIT {

    static final String CEF = "<134>1 2026-11-27T10:00:00.000Z tda-1 ddi - - - CEF:0|Trend Micro|Deep Discovery Inspector|6.0"
            + "|20|Malware detected|8|rt=Nov 27 2026 10:15:00 GMT+00:00 deviceExternalId=%s src=10.1.2.%d shost=pc-%d "
            + "dst=203.0.113.5 dpt=443 act=blocked malType=TROJAN fname=invoice.exe msg=TROJ_EMOTET.A found";
    static final String LEEF = "<13>Nov 27 10:00:01 tda-1 LEEF:2.0|Trend Micro|Deep Discovery Inspector|6.0|SECURITY_RISK|^|"
            + "devTime=1764237600000^deviceGUID=%s^src=198.51.100.7^dst=10.0.0.4^sev=6^malName=WORM_X";

    @LocalServerPort int port;
    @Autowired CamelContext camel;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    String guid;
    long productId;
    long accountId;

    @BeforeEach
    void aRegisteredAppliance() throws Exception {
        jdbc.update("update products set syslog_source = null"); // messages without a GUID are nobody's
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Syslog");
        accountId = account.id();
        guid = UUID.randomUUID().toString().toUpperCase();
        JsonNode registered = json.readTree(new ApplianceClient(port).register(account, "DISCOVERY", guid).body());
        productId = registered.get("productId").asLong();
    }

    static String counted(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    static void tcp(String stream) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), FreeSyslogPort.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(stream.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    static void udp(String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), FreeSyslogPort.port()));
        }
    }

    long detections() {
        return jdbc.queryForObject("select count(*) from detections where product_id = ?", Long.class, productId);
    }

    /** Syslog has no answer: wait until the writer has stored what was sent (it flushes every 250 ms). */
    static <T> T eventually(Callable<T> value, Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(value, done::test);
    }

    @Test
    void octetCountedAndLineFramedMessagesAreStoredForTheApplianceTheirGuidNames() throws Exception {
        tcp(counted(CEF.formatted(guid, 1, 1)) + LEEF.formatted(guid.toLowerCase()) + "\n" + counted(CEF.formatted(guid, 2, 2)));
        assertThat(eventually(this::detections, n -> n >= 3)).isEqualTo(3);

        Map<String, Object> first = jdbc.queryForMap("select d.account_id, d.format, d.src_address, d.threat_name, "
                + "d.raw, u.content_type, u.accepted from detections d join uploads u on u.id = d.upload_id "
                + "where d.product_id = ? and d.src_address = '10.1.2.1'", productId);
        assertThat(first).containsEntry("account_id", accountId).containsEntry("format", "CEF")
                .containsEntry("content_type", "syslog");
        assertThat((String) first.get("raw")).startsWith("<134>1 2026-11-27T10:00:00.000Z tda-1");
        assertThat(jdbc.queryForObject("select threat_name from detections where product_id = ? and format = 'LEEF'",
                String.class, productId)).isEqualTo("WORM_X");
        assertThat(jdbc.queryForObject("select last_received is not null from products where id = ?", Boolean.class, productId)).isTrue();
        assertThat(jdbc.queryForObject("select last_received is not null from accounts where id = ?", Boolean.class, accountId)).isTrue();
        assertThat(jdbc.queryForObject("select coalesce(sum(accepted), 0) from uploads where product_id = ?", Long.class, productId))
                .as("the uploads rows account for every detection").isEqualTo(3);
    }

    @Test
    void bothListenersRunUnderTheSharedSyslogErrorConfiguration() {
        for (String id : List.of("syslog-tcp", "syslog-udp")) {
            assertThat(camel.getRouteController().getRouteStatus(id).isStarted()).as(id).isTrue();
            assertThat(camel.getRoute(id).getConfigurationId()).isEqualTo("syslog-errors");
            assertThat(camel.getRoute(id).getEndpoint().getEndpointUri()).contains("127.0.0.1:" + FreeSyslogPort.port());
        }
    }

    @Test
    void aUdpDatagramIsOneMessage() throws Exception {
        udp(CEF.formatted(guid, 7, 7) + "\n");
        assertThat(eventually(this::detections, n -> n >= 1)).isEqualTo(1);
    }

    @Test
    void unknownSendersAndUnreadableMessagesAreQuarantinedWithTheirOrigin() throws Exception {
        String stranger = "DEADBEEF-0000-4000-8000-" + System.nanoTime();
        String marker = UUID.randomUUID().toString();
        tcp(counted(CEF.formatted(stranger, 3, 3) + " cs1=" + marker) + "\n"
                + "<14>1 2026-11-27T10:00:00Z host app - - - CEF:0|only|three " + marker + "\n"
                + "<14>1 2026-11-27T10:00:00Z host app - - - CEF:0|Trend Micro|DDI|6|1|no guid|5|src=10.0.0.1 cs1=" + marker + "\n");
        List<Map<String, Object>> kept = eventually(() -> jdbc.queryForList("select product_id, account_id, source, code, "
                + "reason from quarantined_lines where line like ? order by id", "%" + marker + "%"), rows -> rows.size() >= 3);
        assertThat(kept).extracting(row -> row.get("code"))
                .containsExactlyInAnyOrder(SyslogStore.UNKNOWN_APPLIANCE, "CEF_BAD_HEADER", SyslogStore.NO_APPLIANCE_ID);
        assertThat(kept).allSatisfy(row -> {
            assertThat(row.get("product_id")).isNull();
            assertThat(row.get("source")).isEqualTo("syslog/tcp 127.0.0.1");
        });
        assertThat(kept).anySatisfy(row -> assertThat((String) row.get("reason")).contains(stranger.substring(0, 20)));

        String page = mvc.perform(get("/admin/quarantine").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Quarantine of unknown senders", "syslog/tcp 127.0.0.1", SyslogStore.UNKNOWN_APPLIANCE, marker);
        String csv = mvc.perform(get("/admin/quarantine/csv").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("received_at,source,line_number,code,reason,line\r\n").contains(marker, "syslog/tcp 127.0.0.1,,");
        mvc.perform(get("/admin/quarantine").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/quarantine/csv").with(user("customer").roles("CUSTOMER"))).andExpect(status().isForbidden());
    }

    @Test
    void aDisabledProductsMessagesGoToItsQuarantine() throws Exception {
        jdbc.update("update products set enabled = false where id = ?", productId);
        udp(CEF.formatted(guid, 8, 8));
        List<Map<String, Object>> kept = eventually(() -> jdbc.queryForList(
                "select code, account_id from quarantined_lines where product_id = ?", productId), rows -> !rows.isEmpty());
        assertThat(kept).extracting(row -> row.get("code")).containsExactly(SyslogStore.PRODUCT_DISABLED);
        assertThat(detections()).isZero();
    }

    @Test
    void aMessageBrokenOffByTheSenderIsQuarantinedAsTruncated() throws Exception {
        String marker = UUID.randomUUID().toString();
        String message = CEF.formatted(guid, 9, 9) + " cs2=" + marker;
        tcp((message.length() + 50) + " " + message);
        List<String> codes = eventually(() -> jdbc.queryForList("select code from quarantined_lines where line like ?",
                String.class, "%" + marker), rows -> !rows.isEmpty());
        assertThat(codes).containsExactly("TRUNCATED_FRAME");
        assertThat(detections()).isZero();
    }

    @Test
    void manySendersAtOnceLoseNothing() throws Exception {
        int senders = 4;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            sent.add(pool.submit(() -> {
                StringBuilder stream = new StringBuilder();
                for (int i = 0; i < each; i++) {
                    String message = CEF.formatted(guid, sender, i);
                    stream.append(i % 2 == 0 ? counted(message) : message + "\n");
                }
                tcp(stream.toString());
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        long expected = (long) senders * each;
        assertThat(eventually(this::detections, n -> n >= expected)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines where line like ?", Long.class, "%" + guid + "%"))
                .isZero();
    }

    @Test
    void aConfiguredSourceAddressTakesMessagesWithoutGuidAndRefusesTheGuidFromElsewhere() throws Exception {
        String marker = UUID.randomUUID().toString();
        jdbc.update("update products set syslog_source = '127.0.0.1' where id = ?", productId);
        tcp("<14>1 2026-11-27T10:00:00Z host app - - - CEF:0|Trend Micro|DDI|6|1|no guid|5|src=10.0.0.1 cs1=" + marker + "\n"
                + "<14>1 2026-11-27T10:00:00Z host app - - - CEF:0|unreadable " + marker + "\n");
        assertThat(eventually(this::detections, n -> n >= 1)).isEqualTo(1);
        assertThat(eventually(() -> jdbc.queryForList("select code from quarantined_lines where product_id = ?", String.class,
                productId), rows -> !rows.isEmpty())).containsExactly("CEF_BAD_HEADER");

        jdbc.update("update products set syslog_source = '192.0.2.99' where id = ?", productId);
        tcp(CEF.formatted(guid, 4, 4) + " cs2=" + marker + "\n");
        List<Map<String, Object>> refused = eventually(() -> jdbc.queryForList("select code, reason from quarantined_lines "
                + "where product_id = ? and code = ?", productId, SyslogStore.SOURCE_MISMATCH), rows -> !rows.isEmpty());
        assertThat(refused).hasSize(1);
        assertThat((String) refused.get(0).get("reason")).contains("came from 127.0.0.1", "only from 192.0.2.99");
        assertThat(detections()).isEqualTo(1);
    }
}
