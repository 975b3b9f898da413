package tmsp.ingest.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import tmsp.web.Csv;

/** An administrator's view of a product's quarantined lines, and their download. */
@Controller
@RequestMapping("/accounts/{id}/products/{productId}/quarantine")
@PreAuthorize("hasRole('ADMIN')")
class QuarantineController {

    static final int SHOWN = 200;

    private final QuarantineView quarantine;

    QuarantineController(QuarantineView quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping
    String show(@PathVariable Long id, @PathVariable long productId, Model model) {
        requireOwned(id, productId);
        model.addAttribute("accountId", id);
        model.addAttribute("productId", productId);
        model.addAttribute("rows", quarantine.latest(productId, SHOWN));
        model.addAttribute("shown", SHOWN);
        return "ingest/quarantine";
    }

    @GetMapping("/csv")
    void download(@PathVariable Long id, @PathVariable long productId, HttpServletResponse response) throws IOException {
        requireOwned(id, productId);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"quarantine-product-" + productId + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write("received_at,source,line_number,code,reason,line\r\n");
            quarantine.each(productId, row -> {
                try {
                    out.write(Csv.line(row.receivedAt().toString(), row.source(), java.util.Objects.toString(row.lineNumber(), ""),
                            row.code(), row.reason(), row.line()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void requireOwned(long accountId, long productId) {
        if (!quarantine.productBelongsTo(productId, accountId)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}
