package tmsp.ingest.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a TCP syslog stream into messages, frame by frame in whichever framing the sender uses (RFC 6587):
 * octet counting ({@code 123 <34>1 ...}) or a trailing LF (also NUL, or CR LF). A message longer than the limit
 * is passed on cut and flagged, and the rest of it skipped, so one sender cannot make us hold more than the
 * limit per connection; a frame the sender broke off by closing is passed on flagged, never dropped.
 */
final class SyslogFrameDecoder extends ByteToMessageDecoder {

    /** Nine digits are a gigabyte: a longer count is not octet counting but a message that starts with digits. */
    private static final int MAX_COUNT_DIGITS = 9;

    private static final ByteProcessor LINE_END = b -> b != '\n' && b != 0;

    private final int maxLength;
    private long skipBytes;
    private boolean skipToLineEnd;

    SyslogFrameDecoder(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Passes on the frames of one read as one list: one Camel exchange per read, not per message. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        List<SyslogFrame> frames = new ArrayList<>();
        cut(in, frames);
        if (!frames.isEmpty()) {
            out.add(frames);
        }
    }

    private void cut(ByteBuf in, List<SyslogFrame> out) {
        while (in.isReadable()) {
            if (!skipRest(in)) {
                return;
            }
            skipSeparators(in);
            if (!in.isReadable()) {
                return;
            }
            int before = out.size();
            int counted = countedLength(in);
            if (counted == WAIT) {
                return;
            }
            if (counted >= 0 ? !octetCounted(in, counted, out) : !lineFramed(in, out)) {
                return;
            }
            if (out.size() == before) {
                return; // defensive: nothing consumed, wait for more bytes
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        List<SyslogFrame> frames = new ArrayList<>();
        cut(in, frames);
        last(in, frames);
        if (!frames.isEmpty()) {
            out.add(frames);
        }
    }

    /** What is left when the sender closes: a broken-off counted frame, or a last line without LF. */
    private void last(ByteBuf in, List<SyslogFrame> out) {
        if (skipBytes > 0 || skipToLineEnd || !in.isReadable()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int counted = countedLength(in);
        if (counted >= 0) {
            in.skipBytes(in.indexOf(in.readerIndex(), in.writerIndex(), (byte) ' ') - in.readerIndex() + 1);
        }
        String rest = stripLineEnd(text(in, Math.min(in.readableBytes(), maxLength)));
        in.skipBytes(in.readableBytes());
        if (counted == WAIT || counted >= 0) {
            out.add(new SyslogFrame(rest, SyslogFrame.Problem.TRUNCATED));
        } else {
            out.add(SyslogFrame.of(rest)); // the last line of a stream need not end with LF
        }
    }

    private static final int WAIT = -2;
    private static final int NOT_COUNTED = -1;

    /** The octet count in front of the frame, NOT_COUNTED when it is LF framing, WAIT when undecided yet. */
    private static int countedLength(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        long value = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            byte b = in.getByte(i);
            if (b >= '0' && b <= '9' && digits < MAX_COUNT_DIGITS) {
                value = value * 10 + (b - '0');
                digits++;
            } else if (b == ' ' && digits > 0 && value > 0 && in.getByte(start) != '0') {
                return (int) value;
            } else {
                return NOT_COUNTED;
            }
        }
        return WAIT;
    }

    private boolean octetCounted(ByteBuf in, int length, List<SyslogFrame> out) {
        int header = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) ' ') - in.readerIndex() + 1;
        int kept = Math.min(length, maxLength);
        if (in.readableBytes() < header + kept) {
            return false;
        }
        in.skipBytes(header);
        String text = length > maxLength ? text(in, kept) : stripLineEnd(text(in, kept));
        in.skipBytes(kept);
        if (length > maxLength) {
            skipBytes = (long) length - maxLength;
            out.add(new SyslogFrame(text, SyslogFrame.Problem.TOO_LONG));
        } else {
            out.add(SyslogFrame.of(text));
        }
        return true;
    }

    private boolean lineFramed(ByteBuf in, List<SyslogFrame> out) {
        int end = lineEnd(in);
        if (end < 0) {
            if (in.readableBytes() <= maxLength) {
                return false;
            }
            out.add(new SyslogFrame(text(in, maxLength), SyslogFrame.Problem.TOO_LONG));
            in.skipBytes(in.readableBytes());
            skipToLineEnd = true;
            return true;
        }
        int length = end - in.readerIndex();
        // a message cut at the limit ends inside its text: nothing of it is a line end
        String text = length > maxLength ? text(in, maxLength) : stripLineEnd(text(in, length));
        in.readerIndex(end + 1);
        out.add(length > maxLength ? new SyslogFrame(text, SyslogFrame.Problem.TOO_LONG) : SyslogFrame.of(text));
        return true;
    }

    /** Skips what is left of an over-long message; false while there is more of it to come. */
    private boolean skipRest(ByteBuf in) {
        if (skipBytes > 0) {
            int n = (int) Math.min(skipBytes, in.readableBytes());
            in.skipBytes(n);
            skipBytes -= n;
            if (skipBytes > 0) {
                return false;
            }
        }
        if (skipToLineEnd) {
            int end = lineEnd(in);
            if (end < 0) {
                in.skipBytes(in.readableBytes());
                return false;
            }
            in.readerIndex(end + 1);
            skipToLineEnd = false;
        }
        return true;
    }

    private static int lineEnd(ByteBuf in) {
        return in.forEachByte(LINE_END);
    }

    private static void skipSeparators(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\n' && b != '\r' && b != 0) {
                return;
            }
            in.skipBytes(1);
        }
    }

    private static String text(ByteBuf in, int length) {
        return in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    }

    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
