package tmsp.ingest.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Administration › Unknown senders: syslog messages no registered product could be found for, kept in the
 * quarantine instead of dropped, so an administrator sees a misconfigured or unregistered appliance.
 */
@Controller
@RequestMapping("/admin/quarantine")
@PreAuthorize("hasRole('ADMIN')")
class UnknownSendersController {

    private final QuarantineView quarantine;

    UnknownSendersController(QuarantineView quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("rows", quarantine.latestOfUnknownSenders(QuarantineController.SHOWN));
        model.addAttribute("shown", QuarantineController.SHOWN);
        model.addAttribute("unknownSenders", true);
        model.addAttribute("downloadUrl", "/admin/quarantine/csv");
        return "ingest/quarantine";
    }

    @GetMapping("/csv")
    void download(HttpServletResponse response) throws IOException {
        QuarantineCsv.write(response, "quarantine-unknown-senders.csv", quarantine::eachOfUnknownSenders);
    }
}
