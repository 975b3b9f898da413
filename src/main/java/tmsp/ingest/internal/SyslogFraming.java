package tmsp.ingest.internal;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.springframework.stereotype.Component;

/** Gives every syslog TCP connection its own frame decoder (it keeps per-connection state). */
@Component("syslogFraming")
class SyslogFraming extends DefaultChannelHandlerFactory {

    private final int maxLength;

    SyslogFraming(SyslogProperties properties) {
        this.maxLength = properties.maxMessageLength();
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new SyslogFrameDecoder(maxLength);
    }
}
