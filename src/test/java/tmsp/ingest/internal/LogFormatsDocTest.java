package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tmsp.ingest.Detection;
import tmsp.ingest.LogFormat;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/** docs/LOG-FORMATS.md stays in step with the code: every error code and every NDJSON field is documented. */
class LogFormatsDocTest {

    static final Path DOC = Path.of("docs/LOG-FORMATS.md");

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        for (ParseErrorCode code : ParseErrorCode.values()) {
            assertThat(doc).as("docs/LOG-FORMATS.md").contains("| `" + code.name() + "` |");
        }
    }

    @Test
    void everyJsonFieldIsDocumentedAndHandled() throws IOException {
        String doc = Files.readString(DOC);
        for (String name : JsonFields.NAMES) {
            assertThat(doc).as("docs/LOG-FORMATS.md").contains("| `" + name + "` |");
            Throwable rejected = catchThrowable(() -> assertThat(JsonFields.apply(name, TextNode.valueOf("x"),
                    Detection.builder(LogFormat.JSON), ParseOptions.defaults())).isTrue());
            assertThat(rejected).as(name).satisfiesAnyOf(
                    thrown -> assertThat(thrown).isNull(),
                    thrown -> assertThat(thrown).isInstanceOf(LineRejected.class));
        }
        assertThat(JsonFields.apply("app", TextNode.valueOf("x"), Detection.builder(LogFormat.JSON),
                ParseOptions.defaults())).isFalse();
    }
}
