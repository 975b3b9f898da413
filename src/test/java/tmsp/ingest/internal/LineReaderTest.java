package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line limit counts a line without its terminator; a CR is the terminator's only right before LF or the end. */
class LineReaderTest {

    private static List<LineReader.Line> lines(String body, int limit) throws IOException {
        LineReader reader = new LineReader(new StringReader(body), limit);
        List<LineReader.Line> lines = new ArrayList<>();
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static LineReader.Line fits(String text) {
        return new LineReader.Line(text, false);
    }

    private static LineReader.Line cut(String text) {
        return new LineReader.Line(text, true);
    }

    @Test
    void aLineOfExactlyTheLimitFitsWithLfCrLfOrAtTheEnd() throws IOException {
        assertThat(lines("abcde\nabcde\r\nabcde\r", 5)).containsExactly(fits("abcde"), fits("abcde"), fits("abcde"));
    }

    @Test
    void aLineOneOverTheLimitIsCutAndFlagged() throws IOException {
        assertThat(lines("abcdef\r\nabcdef", 5)).containsExactly(cut("abcde"), cut("abcde"));
    }

    @Test
    void aCarriageReturnInsideALineIsContentEvenWhereTheLineIsCut() throws IOException {
        assertThat(lines("ab\rcdef\n", 3)).containsExactly(cut("ab\r"));
        assertThat(lines("a\rb\n", 5)).containsExactly(fits("a\rb"));
    }

    @Test
    void aTerminatorEndsTheLastLineWithoutAnEmptyOneAfterIt() throws IOException {
        assertThat(lines("a\n\nb\n", 5)).containsExactly(fits("a"), fits(""), fits("b"));
        assertThat(lines("", 5)).isEmpty();
    }

    @Test
    void aLineLongerThanAReadIsCutAtTheLimitNotAtTheRead() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(lines(longLine + "\r\nnext\n", 100_001))
                .containsExactly(cut("x".repeat(100_001)), fits("next"));
    }
}
