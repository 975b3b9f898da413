package tmsp.ingest.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

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
        model.addAttribute("downloadUrl", "/accounts/" + id + "/products/" + productId + "/quarantine/csv");
        return "ingest/quarantine";
    }

    @GetMapping("/csv")
    void download(@PathVariable Long id, @PathVariable long productId, HttpServletResponse response) throws IOException {
        requireOwned(id, productId);
        QuarantineCsv.write(response, "quarantine-product-" + productId + ".csv", rows -> quarantine.each(productId, rows));
    }

    private void requireOwned(long accountId, long productId) {
        if (!quarantine.productBelongsTo(productId, accountId)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}
