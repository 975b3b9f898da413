package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frame decoder's promise over any byte stream: the frames do not depend on how TCP cut the stream into
 * reads, no frame is longer than the limit, and what the decoder allocates grows with the stream, never faster
 * (however many small reads a long message arrives in).
 */
final class SyslogStreamPromise {

    static final int MAX_LIMIT = 512;

    private SyslogStreamPromise() {
    }

    /** Reads the limit and the cuts from the start of {@code data}; the rest is the stream. */
    static void check(FuzzedDataProvider data) {
        int limit = data.consumeInt(1, MAX_LIMIT);
        int[] cuts = data.consumeInts(data.consumeInt(0, 16));
        byte[] stream = data.consumeRemainingAsBytes();

        List<SyslogFrame> whole = decode(limit, List.of(stream));
        List<byte[]> reads = cut(stream, cuts);
        List<SyslogFrame> pieces = ParserPromise.withinMemory(() -> decode(limit, reads),
                ParserPromise.bound(stream.length, stream.length), "decoding " + stream.length + " bytes in " + reads.size() + " reads");

        assertThat(pieces).as("frames of the same stream cut into %d reads", reads.size()).isEqualTo(whole);
        for (SyslogFrame frame : whole) {
            assertThat(frame.text().length()).as("a frame's characters").isLessThanOrEqualTo(limit);
        }
    }

    private static List<SyslogFrame> decode(int limit, List<byte[]> reads) {
        EmbeddedChannel channel = new EmbeddedChannel(new SyslogFrameDecoder(limit));
        for (byte[] read : reads) {
            // a copy: the decoder may compact the bytes it keeps in place, inside the array it was given
            channel.writeInbound(Unpooled.copiedBuffer(read));
        }
        channel.finish();
        List<SyslogFrame> frames = new ArrayList<>();
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            for (Object frame : (List<?>) read) {
                frames.add((SyslogFrame) frame);
            }
        }
        return frames;
    }

    /** The stream cut at the given offsets (taken modulo its length), in order. */
    private static List<byte[]> cut(byte[] stream, int[] cuts) {
        int[] offsets = new int[cuts.length];
        for (int i = 0; i < cuts.length; i++) {
            offsets[i] = stream.length == 0 ? 0 : Math.floorMod(cuts[i], stream.length + 1);
        }
        Arrays.sort(offsets);
        List<byte[]> reads = new ArrayList<>();
        int from = 0;
        for (int offset : offsets) {
            reads.add(Arrays.copyOfRange(stream, from, offset));
            from = offset;
        }
        reads.add(Arrays.copyOfRange(stream, from, stream.length));
        return reads;
    }
}
