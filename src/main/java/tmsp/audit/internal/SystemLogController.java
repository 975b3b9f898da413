package tmsp.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import tmsp.web.Csv;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administration › System Logs: the log for a date range, on screen and as CSV. */
@Controller
@RequestMapping("/admin/system-logs")
@PreAuthorize("hasRole('ADMIN')")
class SystemLogController {

    private static final int PAGE_SIZE = 50;

    private final AuditEvents events;
    private final ZoneId zone;

    SystemLogController(AuditEvents events, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.events = events;
        this.zone = zone;
    }

    @GetMapping
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        DateRange range = DateRange.of(from, to, zone);
        model.addAttribute("range", range);
        model.addAttribute("events", events.findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByOccurredAtDescIdDesc(
                range.start(), range.end(), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/system-logs";
    }

    @GetMapping(value = "/csv")
    @Transactional(readOnly = true)
    public void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    HttpServletResponse response) throws IOException {
        DateRange range = DateRange.of(from, to, zone);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"system-logs-" + range.from() + "_" + range.to() + ".csv\"");
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        try (Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
             Stream<AuditEvent> lines = events.streamBetween(range.start(), range.end())) {
            out.write("time,actor,action,target,details,source_address\r\n");
            for (AuditEvent e : (Iterable<AuditEvent>) lines::iterator) {
                out.write(Csv.line(time.format(e.getOccurredAt()), e.getActor(), e.getAction(), e.getTarget(),
                        e.getDetails(), e.getSourceAddress()));
            }
        }
    }
}
