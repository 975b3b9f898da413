package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RepeatedTextsTest {

    private final RepeatedTexts texts = new RepeatedTexts();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesGiveTheSameInstanceAndOtherBytesAnotherText() {
        String first = texts.of(utf8("ws-017"));

        assertThat(texts.of(utf8("ws-017"))).isSameAs(first);
        assertThat(texts.of(utf8("ws-018"))).isEqualTo("ws-018").isNotSameAs(first);
        assertThat(texts.of(null)).isNull();
        assertThat(texts.of(new byte[0])).isEmpty();
    }

    @Test
    void multiByteAndMalformedUtf8DecodeAsTheJdkDecodesThem() {
        byte[] truncated = Arrays.copyOf(utf8("Büro-€"), utf8("Büro-€").length - 1); // a 3-byte sign cut short
        byte[] hostile = {(byte) 0xC0, (byte) 0x80, 'a', (byte) 0xFF};

        assertThat(texts.of(utf8("Büro-€ 🦠"))).isEqualTo("Büro-€ 🦠");
        assertThat(texts.of(truncated)).isEqualTo(new String(truncated, StandardCharsets.UTF_8));
        assertThat(texts.of(hostile)).isEqualTo(new String(hostile, StandardCharsets.UTF_8));
    }

    @Test
    void theCallerMayReuseItsArrayAfterwards() {
        byte[] buffer = utf8("host-a");
        String a = texts.of(buffer);
        buffer[5] = 'b';

        assertThat(texts.of(buffer)).isEqualTo("host-b");
        assertThat(texts.of(utf8("host-a"))).isSameAs(a);
    }

    @Test
    void longTextsAreDecodedEachTimeAndNotKept() {
        byte[] url = utf8("http://example.test/" + "x".repeat(RepeatedTexts.MAX_LENGTH));

        assertThat(texts.of(url)).isEqualTo(new String(url, StandardCharsets.UTF_8)).isNotSameAs(texts.of(url));
        assertThat(texts.size()).isZero();
    }

    @Test
    void manyDistinctValuesStartItAfreshInsteadOfGrowingIt() {
        for (int i = 0; i < RepeatedTexts.MAX_VALUES; i++) {
            assertThat(texts.of(utf8("10.0." + i))).isEqualTo("10.0." + i);
        }
        assertThat(texts.size()).isEqualTo(RepeatedTexts.MAX_VALUES);
        String kept = texts.of(utf8("10.0.7"));

        String past = texts.of(utf8("one more"));

        assertThat(past).isEqualTo("one more");
        assertThat(texts.size()).isEqualTo(1);
        assertThat(texts.of(utf8("10.0.7"))).isEqualTo(kept).isNotSameAs(kept);
    }
}
