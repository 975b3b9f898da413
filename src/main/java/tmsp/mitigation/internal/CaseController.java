package tmsp.mitigation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;
import tmsp.identity.AccountAccess;
import tmsp.identity.CurrentUser;
import tmsp.mitigation.CaseStatus;

/**
 * The Case List of an account, one case, and the sample download (administrators only). Another account's case
 * answers 404 like a missing one; another account's Case List 403 like every account-scoped page.
 */
@Controller
class CaseController {

    private final CaseListQuery list;
    private final CaseDetails details;
    private final SampleDownloads downloads;
    private final AccountLookup accounts;
    private final AccountAccess access;
    private final ZoneId zone;

    CaseController(CaseListQuery list, CaseDetails details, SampleDownloads downloads, AccountLookup accounts,
                   AccountAccess access, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.list = list;
        this.details = details;
        this.downloads = downloads;
        this.accounts = accounts;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/accounts/{id}/mitigation/cases")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String list(@PathVariable Long id, CaseListForm form, Model model) {
        AccountSummary account = accounts.byId(id).orElseThrow(() -> new CaseNotFound(id));
        CaseListForm.Parsed parsed = form.parse(id, zone);
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("result", list.find(parsed.request()));
        model.addAttribute("statuses", CaseStatus.values());
        String listPath = "/accounts/" + id + "/mitigation/cases";
        model.addAttribute("listPath", listPath);
        model.addAttribute("pagerPath", form.pagerPath(listPath, parsed.request()));
        return "mitigation/cases";
    }

    @GetMapping("/mitigation/cases/{caseId}")
    String show(@PathVariable long caseId, Authentication authentication, Model model) {
        CaseDetails.Details found = details.details(caseId)
                .filter(d -> access.mayView(authentication, d.mitigationCase().accountId()))
                .orElseThrow(() -> new CaseNotFound(caseId));
        model.addAttribute("details", found);
        model.addAttribute("case", found.mitigationCase());
        model.addAttribute("account", accounts.byId(found.mitigationCase().accountId()).orElse(null));
        return "mitigation/case";
    }

    @GetMapping("/mitigation/cases/{caseId}/sample")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Resource> sample(@PathVariable long caseId, HttpServletRequest request) {
        SampleDownloads.Download download = downloads.start(caseId, CurrentUser.name(),
                !HttpMethod.HEAD.matches(request.getMethod()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(download.file()));
    }

    @ExceptionHandler(SampleGone.class)
    ModelAndView sampleGone(SampleGone gone) {
        ModelAndView page = new ModelAndView("mitigation/sample-gone", HttpStatus.GONE);
        page.addObject("caseId", gone.caseId());
        return page;
    }
}
