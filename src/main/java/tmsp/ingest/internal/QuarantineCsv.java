package tmsp.ingest.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import tmsp.web.Csv;

/** Streams quarantined lines as a CSV download, row by row, however many there are. */
final class QuarantineCsv {

    private QuarantineCsv() {
    }

    static void write(HttpServletResponse response, String fileName, Consumer<Consumer<QuarantineView.Row>> rows)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write("received_at,source,line_number,code,reason,line\r\n");
            rows.accept(row -> {
                try {
                    out.write(Csv.line(row.receivedAt().toString(), row.source(), Objects.toString(row.lineNumber(), ""),
                            row.code(), row.reason(), row.line()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
