package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 6587 framing cut from a stream the way TCP delivers it: in any chunks, with hostile senders. */
class SyslogFrameDecoderTest {

    private static final String A = "<134>1 2026-11-27T10:00:00Z tda-1 ddi - - - CEF:0|Trend Micro|DDI|6|1|x|5|src=10.0.0.1";
    private static final String B = "<13>Nov 27 10:00:01 tda-1 LEEF:2.0|IBM|QRadar|7.5|x|^|src=10.0.0.2";

    private final EmbeddedChannel channel = new EmbeddedChannel(new SyslogFrameDecoder(100));

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private List<SyslogFrame> frames() {
        List<SyslogFrame> frames = new ArrayList<>();
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            frames.addAll(framesOf(read));
        }
        return frames;
    }

    /** The decoder passes on the frames of each read as one list. */
    @SuppressWarnings("unchecked")
    private static List<SyslogFrame> framesOf(Object read) {
        assertThat(read).isInstanceOf(List.class);
        List<SyslogFrame> frames = (List<SyslogFrame>) read;
        assertThat(frames).isNotEmpty();
        return frames;
    }

    private static String counted(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    @Test
    void octetCountedFramesFollowOneAnotherWithoutSeparators() {
        send(counted(A) + counted(B));
        assertThat(frames()).containsExactly(SyslogFrame.of(A), SyslogFrame.of(B));
    }

    @Test
    void lineFramesEndAtLfCrLfOrNul() {
        send(A + "\n" + B + "\r\n" + A + "\0");
        assertThat(frames()).containsExactly(SyslogFrame.of(A), SyslogFrame.of(B), SyslogFrame.of(A));
    }

    @Test
    void bothFramingsMayAlternateOnOneConnection() {
        send(counted(A) + B + "\n" + counted(B));
        assertThat(frames()).extracting(SyslogFrame::text).containsExactly(A, B, B);
    }

    @Test
    void aFrameSplitAtEveryByteBoundaryComesOutWhole() {
        String stream = counted(A) + B + "\n" + counted("<14>1 - - - - - - é ü ✓");
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(frames()).extracting(SyslogFrame::text).containsExactly(A, B, "<14>1 - - - - - - é ü ✓");
    }

    @Test
    void randomChunkingNeverChangesTheFrames() {
        StringBuilder stream = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            String message = (i % 2 == 0 ? A : B) + " n=" + i;
            expected.add(message);
            stream.append(random.nextBoolean() ? counted(message) : message + "\n");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(300), bytes.length - at);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
            at += n;
        }
        assertThat(frames()).extracting(SyslogFrame::text).containsExactlyElementsOf(expected);
    }

    @Test
    void anOverLongOctetCountedMessageIsCutFlaggedAndTheNextOneStillArrives() {
        String huge = "x".repeat(5000);
        send(counted(huge) + counted(A));
        List<SyslogFrame> frames = frames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).problem()).isEqualTo(SyslogFrame.Problem.TOO_LONG);
        assertThat(frames.get(0).text()).hasSize(100);
        assertThat(frames.get(1)).isEqualTo(SyslogFrame.of(A));
    }

    @Test
    void anOverLongLineIsCutFlaggedAndSkippedToItsEndEvenAcrossChunks() {
        send("y".repeat(150));
        send("y".repeat(3000));
        send("yyy\n" + B + "\n");
        List<SyslogFrame> frames = frames();
        assertThat(frames).extracting(SyslogFrame::problem).containsExactly(SyslogFrame.Problem.TOO_LONG, SyslogFrame.Problem.NONE);
        assertThat(frames.get(1).text()).isEqualTo(B);
    }

    /** Found by the syslog stream fuzz target: the cut used to lose its trailing CRs only when the LF came along. */
    @Test
    void anOverLongLineIsCutTheSameWhetherItsEndCameInTheSameReadOrLater() {
        String cutAtTheLimit = "z".repeat(97) + "\r\r\r";
        send(cutAtTheLimit + "tail\n");
        SyslogFrame together = frames().get(0);
        send(cutAtTheLimit + "tail");
        send("\n");
        SyslogFrame apart = frames().get(0);
        assertThat(together).isEqualTo(apart).isEqualTo(new SyslogFrame(cutAtTheLimit, SyslogFrame.Problem.TOO_LONG));
    }

    @Test
    void aCountLargerThanTheStreamIsReportedTruncatedWhenTheSenderCloses() {
        send("90 " + A.substring(0, 40));
        assertThat(frames()).isEmpty();
        channel.finish();
        assertThat(frames()).containsExactly(new SyslogFrame(A.substring(0, 40), SyslogFrame.Problem.TRUNCATED));
    }

    @Test
    void theLastLineNeedsNoTerminator() {
        send(A + "\n" + B);
        assertThat(frames()).containsExactly(SyslogFrame.of(A));
        channel.finish();
        assertThat(frames()).containsExactly(SyslogFrame.of(B));
    }

    @Test
    void digitsThatAreNotACountAreTheStartOfALine() {
        send("2026-11-27T10:00:00Z tda CEF:0|a|b|1|2|n|3|\n0 zero\n0123 leading zero\n1234567890123 too long\n");
        assertThat(frames()).extracting(SyslogFrame::text).containsExactly(
                "2026-11-27T10:00:00Z tda CEF:0|a|b|1|2|n|3|", "0 zero", "0123 leading zero", "1234567890123 too long");
    }

    @Test
    void blankLinesAndStrayTerminatorsBetweenFramesAreSkipped() {
        send("\n\r\n\0\0" + counted(A) + "\n\n" + B + "\n");
        assertThat(frames()).extracting(SyslogFrame::text).containsExactly(A, B);
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersNotAnError() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'<', '1', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'}));
        assertThat(frames()).extracting(SyslogFrame::text).containsExactly("<1>\uFFFD(\uFFFD");
    }

    @Test
    void randomBytesNeverThrowAndNeverYieldMoreThanTheLimit() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            EmbeddedChannel hostile = new EmbeddedChannel(new SyslogFrameDecoder(100));
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            if (noise.length > 0 && random.nextBoolean()) {
                noise[0] = (byte) ('1' + random.nextInt(9)); // looks like a count
            }
            hostile.writeInbound(Unpooled.wrappedBuffer(noise));
            hostile.finish();
            for (Object read = hostile.readInbound(); read != null; read = hostile.readInbound()) {
                assertThat(framesOf(read)).allSatisfy(frame -> assertThat(frame.text().length()).isLessThanOrEqualTo(100));
            }
        }
    }
}
