package tmsp.report.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;

/**
 * The account's reports page: a month calendar of the stored reports with their downloads, an on-demand report
 * for a chosen range (made in the background, its progress polled with htmx) and the report builder (a zip).
 */
@Controller
class ReportsController {

    private final AccountLookup accounts;
    private final StoredReports reports;
    private final OnDemandReports onDemand;
    private final ReportData data;
    private final ReportRenderer renderer;
    private final ReportSettings settings;
    private final Clock clock;

    ReportsController(AccountLookup accounts, StoredReports reports, OnDemandReports onDemand, ReportData data,
                      ReportRenderer renderer, ReportSettings settings, Optional<Clock> clock) {
        this.accounts = accounts;
        this.reports = reports;
        this.onDemand = onDemand;
        this.data = data;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/accounts/{id}/reports")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String page(@PathVariable long id, @RequestParam(required = false) String month,
                @RequestParam(required = false) String job, Model model) {
        return page(id, parseMonth(month), job, model);
    }

    @PostMapping("/accounts/{id}/reports/on-demand")
    @PreAuthorize("hasRole('ADMIN')")
    String requestReport(@PathVariable long id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         Model model) {
        account(id);
        ReportRange range = new ReportRange(from, to);
        Optional<String> problem = range.problem(today(), settings.maxRange());
        if (problem.isPresent()) {
            model.addAttribute("onDemandError", problem.get());
            model.addAttribute("onDemandFrom", from);
            model.addAttribute("onDemandTo", to);
            return page(id, YearMonth.now(clock.withZone(data.zone())), null, model);
        }
        String job = onDemand.request(id, ReportPeriod.custom(from, to));
        return "redirect:/accounts/" + id + "/reports?job=" + job;
    }

    /** The htmx fragment that polls itself until the report is stored. */
    @GetMapping("/accounts/{id}/reports/on-demand/progress")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String progress(@PathVariable long id, @RequestParam(required = false) String job, Model model) {
        account(id);
        model.addAttribute("accountId", id);
        model.addAttribute("progress", onDemand.progress(id, job).orElse(null));
        return "report/page :: progress";
    }

    @GetMapping("/accounts/{id}/reports/{reportId}/pdf")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long reportId) {
        AccountSummary account = account(id);
        StoredReports.Stored report = reports.find(id, reportId).orElseThrow(ReportsController::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.period().fileName(account.name()), StandardCharsets.UTF_8).build().toString())
                .body(reports.pdf(reportId));
    }

    /** The report's HTML view: the same template as its PDF, with today's figures of the same period. */
    @GetMapping("/accounts/{id}/reports/{reportId}/view")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    ResponseEntity<String> view(@PathVariable long id, @PathVariable long reportId, HttpServletRequest request) {
        account(id);
        StoredReports.Stored report = reports.find(id, reportId).orElseThrow(ReportsController::notFound);
        String html = renderer.html(data.gather(id, report.period()), request.getContextPath() + "/css/report.css");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /**
     * The report builder: every stored report whose period ends in the range, as one zip written straight to the
     * response as the rows are read (a bad range is the page again with the form's error).
     */
    @GetMapping("/accounts/{id}/reports/archive")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String archive(@PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model, HttpServletResponse response) throws java.io.IOException {
        AccountSummary account = account(id);
        Optional<String> problem = new ReportRange(from, to).problem(today(), settings.maxRange());
        if (problem.isPresent()) {
            model.addAttribute("archiveError", problem.get());
            model.addAttribute("archiveFrom", from);
            model.addAttribute("archiveTo", to);
            return page(id, YearMonth.now(clock.withZone(data.zone())), null, model);
        }
        String name = account.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-reports-" + from + "_" + to + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
        try (ZipOutputStream entries = new ZipOutputStream(response.getOutputStream())) {
            reports.eachWithPdf(id, from, to, (report, pdf) -> {
                try {
                    entries.putNextEntry(new ZipEntry(report.period().fileName(account.name())));
                    entries.write(pdf);
                    entries.closeEntry();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return null; // written
    }

    private String page(long id, YearMonth month, String job, Model model) {
        AccountSummary account = account(id);
        model.addAttribute("account", account);
        model.addAttribute("calendar", ReportCalendar.of(month,
                reports.endingBetween(id, month.atDay(1), month.atEndOfMonth())));
        model.addAttribute("previousMonth", month.minusMonths(1).toString());
        model.addAttribute("nextMonth", month.plusMonths(1).toString());
        model.addAttribute("job", job);
        model.addAttribute("progress", onDemand.progress(id, job).orElse(null));
        LocalDate today = today();
        model.addAttribute("today", today);
        if (!model.containsAttribute("onDemandFrom")) {
            model.addAttribute("onDemandFrom", today.minusDays(7));
            model.addAttribute("onDemandTo", today.minusDays(1));
        }
        if (!model.containsAttribute("archiveFrom")) {
            model.addAttribute("archiveFrom", month.atDay(1));
            model.addAttribute("archiveTo", month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth());
        }
        return "report/page";
    }

    private YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(data.zone()));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "month is YYYY-MM");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(data.zone()));
    }

    private AccountSummary account(long id) {
        return accounts.byId(id).orElseThrow(ReportsController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
