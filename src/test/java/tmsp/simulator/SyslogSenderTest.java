package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Detection;
import tmsp.ingest.LineParser;

/** The syslog sender against plain local sockets: the exact bytes on the wire, as the portal's listener reads them. */
class SyslogSenderTest {

    static final SimulatedAppliance APPLIANCE = SimulatedAppliance.of(1, 0, "acme-appliances",
            SimulatedAppliance.Type.DISCOVERY);
    static final Instant TIME = Instant.parse("2026-11-27T10:00:00Z");

    static Traffic.Line line(String text, int severity) {
        return new Traffic.Line(APPLIANCE, TIME, severity, text);
    }

    @Test
    void tcpFramesEveryMessageByItsOctetCount() throws Exception {
        // "ü" is two bytes in UTF-8: the length counts octets, not characters.
        List<Traffic.Line> lines = List.of(line("CEF:0|Trend Micro|DDI|6.7|1|Grün|8|src=10.0.0.1", 8),
                line("LEEF:1.0|Trend Micro|DDI|6.7|2|sev=2\tsrc=10.0.0.2", 2));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
            try (SyslogSender sender = new SyslogSender(SyslogSender.Protocol.TCP, SimulatorOptions.SyslogFormat.RFC5424,
                    "127.0.0.1", server.getLocalPort())) {
                for (Traffic.Line line : lines) {
                    sender.send(line);
                }
            }
            String first = "<131>1 2026-11-27T10:00:00.000Z ddi-acme1.corp.example DDI - - - " + lines.get(0).text();
            String second = "<134>1 2026-11-27T10:00:00.000Z ddi-acme1.corp.example DDI - - - " + lines.get(1).text();
            byte[] expected = (first.getBytes(StandardCharsets.UTF_8).length + " " + first
                    + second.getBytes(StandardCharsets.UTF_8).length + " " + second).getBytes(StandardCharsets.UTF_8);
            assertThat(first.getBytes(StandardCharsets.UTF_8).length).isEqualTo(first.length() + 1);
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @Test
    void udpSendsOneMessagePerDatagramThatTheParserReadsWithItsHeader() throws Exception {
        Traffic.Line line = line("CEF:0|Trend Micro|Deep Discovery Inspector|6.7.1050|100120|Malware|6|deviceExternalId="
                + APPLIANCE.guid() + " shost=acme1-ws-001", 6);
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            try (SyslogSender sender = new SyslogSender(SyslogSender.Protocol.UDP, SimulatorOptions.SyslogFormat.RFC3164,
                    "127.0.0.1", server.getLocalPort())) {
                sender.send(line);
                sender.send(line);
            }
            List<String> datagrams = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
                server.receive(packet);
                datagrams.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            }
            String expected = "<132>Nov 27 10:00:00 ddi-acme1.corp.example DDI: " + line.text();
            assertThat(datagrams).containsExactly(expected, expected);
            Detection detection = (Detection) new LineParser().parse(expected);
            assertThat(detection.deviceExternalId()).isEqualTo(APPLIANCE.guid());
            assertThat(detection.extra()).containsEntry("syslogHost", "ddi-acme1.corp.example");
        }
    }

    @Test
    void rfc5424MessagesParseWithTheirHeaderAndKeepTheGuid() {
        String message = SyslogSender.message(SimulatorOptions.SyslogFormat.RFC5424, "ddi-acme1.corp.example", TIME, 8,
                "LEEF:1.0|Trend Micro|Deep Discovery Inspector|6.7.1050|100120|sev=8\tdeviceGUID=" + APPLIANCE.guid());
        Detection detection = (Detection) new LineParser().parse(message);
        assertThat(detection.deviceExternalId()).isEqualTo(APPLIANCE.guid());
        assertThat(detection.extra()).containsEntry("syslogPriority", "131").containsEntry("syslogAppName", "DDI");
    }

    @Test
    void prioritiesFollowTheSeverity() {
        assertThat(List.of(10, 8, 6, 4, 2, 0)).extracting(SyslogSender::syslogSeverity).containsExactly(3, 3, 4, 5, 6, 6);
    }

    private static byte[] readAll(ServerSocket server) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
