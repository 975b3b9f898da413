import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends RFC 5424 syslog with CEF inside over TCP (octet counting) as fast as the portal takes it, from
 * CONNECTIONS connections, for SECONDS seconds, and prints the count sent. Every message is written whole
 * before the connection closes, so "sent" is exact.
 * Usage: java bench/tools/SyslogBlast.java PORT GUID SECONDS CONNECTIONS
 */
public class SyslogBlast {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String guid = args[1];
        long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        int connections = Integer.parseInt(args[3]);
        AtomicLong sent = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int sender = c;
            Thread thread = new Thread(() -> send(port, guid, sender, until, sent));
            thread.start();
            senders.add(thread);
        }
        for (Thread thread : senders) {
            thread.join();
        }
        System.out.println(sent.get());
    }

    private static void send(int port, String guid, int sender, long until, AtomicLong sent) {
        byte[][] frames = frames(guid, sender);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            long i = 0;
            while ((i & 255) != 0 || System.nanoTime() < until) {
                out.write(frames[(int) (i % frames.length)]);
                i++;
            }
            out.flush();
            sent.addAndGet(i);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 4,096 different octet-counted messages, made before the clock starts so the sender is not the limit. */
    private static byte[][] frames(String guid, int sender) {
        byte[][] frames = new byte[4096][];
        for (int i = 0; i < frames.length; i++) {
            String message = "<134>1 2026-11-27T10:%02d:%02d.000Z tda-%d ddi - - - CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|20|Malware detected|6|rt=Nov 27 2026 10:%02d:%02d GMT+00:00 deviceExternalId=%s src=10.%d.%d.%d shost=pc-%d dst=203.0.113.%d dpt=443 act=blocked malType=TROJAN fname=invoice-%d.exe msg=TROJ_BENCH.%d found"
                    .formatted(i / 60 % 60, i % 60, sender, i / 60 % 60, i % 60, guid, sender, i / 250 % 250, i % 250,
                            i % 5000, i % 250, i % 100, i % 50);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            byte[] header = (bytes.length + " ").getBytes(StandardCharsets.US_ASCII);
            frames[i] = new byte[header.length + bytes.length];
            System.arraycopy(header, 0, frames[i], 0, header.length);
            System.arraycopy(bytes, 0, frames[i], header.length, bytes.length);
        }
        return frames;
    }
}
