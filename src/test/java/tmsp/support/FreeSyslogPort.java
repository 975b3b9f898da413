package tmsp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives the syslog listeners of the shared test context a port that is free for both TCP and UDP, so tests never
 * collide with a portal running on this machine (1514) or with another test JVM.
 */
public class FreeSyslogPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = find();

    public static int port() {
        return PORT;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "tmsp.syslog.port=" + PORT);
    }

    /** Another free port, for a second application context that lives beside the shared one. */
    public static int find() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                         tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException takenForUdp) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no port free for both TCP and UDP on loopback"));
    }
}
