package tmsp.ingest.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tmsp.ingest.LineParser;
import tmsp.ingest.ParseError;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;
import tmsp.ingest.ParseOutcome;

/**
 * The syslog routes' bean (camel-routes/appliance-syslog.yaml): parses each message on the listener's own
 * thread and queues it for {@link SyslogWriter}. Nothing is dropped here: a message that cannot be parsed is
 * queued with its parse error and ends up in the quarantine.
 */
@Component("syslogIngest")
class SyslogIngest {

    private static final Logger log = LoggerFactory.getLogger(SyslogIngest.class);
    private static final long DROP_REPORT_EVERY_MS = 10_000;

    private final SyslogQueue queue;
    private final LineParser parser;
    private final int maxLength;
    private volatile long lastDropReport;

    SyslogIngest(SyslogQueue queue, SyslogProperties properties) {
        this.queue = queue;
        this.maxLength = properties.maxMessageLength();
        this.parser = new LineParser(ParseOptions.defaults().withMaxLineLength(maxLength));
    }

    /** The messages of one read from a TCP stream; waits while the queue is full, so the sender is slowed, not lost. */
    public void tcpFrames(@Body List<SyslogFrame> frames, @Header(NettyConstants.NETTY_REMOTE_ADDRESS) SocketAddress from)
            throws InterruptedException {
        String address = address(from);
        for (SyslogFrame frame : frames) {
            queue.put(message(frame, "tcp", address));
        }
    }

    /** One UDP datagram: one message by RFC 5426, though some senders pack several lines into one. */
    public void datagram(@Body byte[] datagram, @Header(NettyConstants.NETTY_REMOTE_ADDRESS) SocketAddress from) {
        String text = new String(datagram, StandardCharsets.UTF_8);
        for (String line : text.split("[\\n\\x00]")) {
            String message = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (message.isBlank()) {
                continue;
            }
            SyslogFrame frame = message.length() > maxLength
                    ? new SyslogFrame(message.substring(0, maxLength), SyslogFrame.Problem.TOO_LONG)
                    : SyslogFrame.of(message);
            if (!queue.offer(message(frame, "udp", address(from)))) {
                reportDrops();
            }
        }
    }

    private SyslogMessage message(SyslogFrame frame, String transport, String address) {
        return new SyslogMessage(frame.text(), outcome(frame), transport, address, Instant.now());
    }

    private ParseOutcome outcome(SyslogFrame frame) {
        return switch (frame.problem()) {
            case NONE -> parser.parse(frame.text());
            case TOO_LONG -> ParseError.of(ParseErrorCode.LINE_TOO_LONG,
                    "The message is longer than " + maxLength + " bytes; its start is kept");
            case TRUNCATED -> ParseError.of(ParseErrorCode.TRUNCATED_FRAME,
                    "The sender closed the connection before the end of this octet-counted message");
        };
    }

    private static String address(SocketAddress from) {
        if (from instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return from == null ? "unknown" : from.toString();
    }

    private void reportDrops() {
        long now = System.currentTimeMillis();
        if (now - lastDropReport > DROP_REPORT_EVERY_MS) {
            lastDropReport = now;
            log.warn("Syslog over UDP is arriving faster than it can be stored: {} datagram messages dropped so far "
                    + "(use TCP, which slows the sender instead)", queue.dropped());
        }
    }
}
