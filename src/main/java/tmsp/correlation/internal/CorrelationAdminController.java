package tmsp.correlation.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.account.AccountLookup;

/** Administration: every correlation run, newest first, and the correlation jobs that fail, with Retry. */
@Controller
@RequestMapping("/admin/correlation-runs")
@PreAuthorize("hasRole('ADMIN')")
class CorrelationAdminController {

    static final int PAGE_SIZE = 25;

    private final CorrelationRuns runs;
    private final CorrelationJobs jobs;
    private final AccountLookup accounts;

    CorrelationAdminController(CorrelationRuns runs, CorrelationJobs jobs, AccountLookup accounts) {
        this.runs = runs;
        this.jobs = jobs;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<CorrelationRun> result = runs.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        Set<Long> accountIds = new HashSet<>();
        result.forEach(run -> accountIds.add(run.getAccountId()));
        Map<Long, String> names = accounts.namesOf(accountIds);
        model.addAttribute("runs", result.map(run -> RunRow.of(run, names.get(run.getAccountId()))));
        model.addAttribute("failedJobs", jobs.failing());
        return "correlation/admin-runs";
    }

    @PostMapping("/jobs/{jobId}/retry")
    String retry(@PathVariable String jobId, RedirectAttributes redirect) {
        boolean retried = jobs.retry(jobId);
        redirect.addFlashAttribute(retried ? "success" : "error", retried ? "correlation.job.retried" : "correlation.job.gone");
        redirect.addFlashAttribute("flashArg", jobId);
        return "redirect:/admin/correlation-runs";
    }
}
