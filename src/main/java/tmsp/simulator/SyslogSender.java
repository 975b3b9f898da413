package tmsp.simulator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Sends log lines as syslog messages the way a discovery appliance forwards them: over TCP with RFC 6587
 * octet-counting framing ({@code "<length> <message>"}, no terminator) or over UDP, one message per datagram.
 * The message is RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP - - - MSG}) or RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST APP: MSG}).
 */
final class SyslogSender implements Closeable {

    public enum Protocol { TCP, UDP }

    /** Facility local0, as appliances are usually configured. */
    private static final int FACILITY = 16;
    private static final String APP = "DDI";
    private static final DateTimeFormatter RFC5424_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3164_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Protocol protocol;
    private final SimulatorOptions.SyslogFormat format;
    private final InetSocketAddress target;
    private Socket socket;
    private OutputStream tcp;
    private DatagramSocket udp;

    SyslogSender(Protocol protocol, SimulatorOptions.SyslogFormat format, String host, int port) throws IOException {
        this.protocol = protocol;
        this.format = format;
        this.target = new InetSocketAddress(host, port);
        if (protocol == Protocol.TCP) {
            socket = new Socket();
            socket.connect(target, 10_000);
            tcp = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        } else {
            udp = new DatagramSocket();
        }
    }

    /** Sends one log line of the appliance, with a header carrying its host name, the time and a priority. */
    public void send(Traffic.Line line) throws IOException {
        byte[] message = message(format, line.appliance().hostname(), line.time(), line.severity(), line.text())
                .getBytes(StandardCharsets.UTF_8);
        if (protocol == Protocol.TCP) {
            tcp.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            tcp.write(message);
        } else {
            udp.send(new DatagramPacket(message, message.length, target));
        }
    }

    /** Pushes what TCP buffered; call at the end of each batch. */
    public void flush() throws IOException {
        if (tcp != null) {
            tcp.flush();
        }
    }

    static String message(SimulatorOptions.SyslogFormat format, String host, Instant time, int cefSeverity,
                          String text) {
        int priority = FACILITY * 8 + syslogSeverity(cefSeverity);
        return format == SimulatorOptions.SyslogFormat.RFC5424
                ? "<" + priority + ">1 " + RFC5424_TIME.format(time) + " " + host + " " + APP + " - - - " + text
                : "<" + priority + ">" + RFC3164_TIME.format(time) + " " + host + " " + APP + ": " + text;
    }

    /** CEF 8 and above is an error, 6 a warning, 4 a notice, the rest informational. */
    static int syslogSeverity(int cefSeverity) {
        return cefSeverity >= 8 ? 3 : cefSeverity >= 6 ? 4 : cefSeverity >= 4 ? 5 : 6;
    }

    @Override
    public void close() throws IOException {
        if (tcp != null) {
            tcp.flush();
            socket.close();
        }
        if (udp != null) {
            udp.close();
        }
    }
}
