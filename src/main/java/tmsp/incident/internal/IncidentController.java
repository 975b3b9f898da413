package tmsp.incident.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;
import tmsp.identity.AccountAccess;
import tmsp.identity.CurrentUser;
import tmsp.incident.IncidentStatus;

/** Incident pages: across accounts, per account, one incident with its evidence; acknowledge, resolve, reopen. */
@Controller
class IncidentController {

    static final int EVIDENCE_PAGE = 25;

    /** The list's filter as the form sent it, so the page can show it back (and build its links) unchanged. */
    record Filter(String from, String to, String severity, String rule, String status, String size, String dir,
                  String suppressed) {
        public Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("from", from);
            params.put("to", to);
            params.put("severity", severity);
            params.put("rule", rule);
            params.put("status", status);
            params.put("size", size);
            params.put("dir", dir);
            params.put("suppressed", suppressed);
            return params;
        }
    }

    private final IncidentQuery query;
    private final IncidentLifeCycle lifeCycle;
    private final AccountLookup accounts;
    private final AccountAccess access;
    private final ZoneId zone;

    IncidentController(IncidentQuery query, IncidentLifeCycle lifeCycle, AccountLookup accounts,
                       AccountAccess access, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.query = query;
        this.lifeCycle = lifeCycle;
        this.accounts = accounts;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/incidents")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String all(Filter filter, @RequestParam(required = false) String page, Model model) {
        return list(null, filter, page, model);
    }

    @GetMapping("/accounts/{id}/incidents")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String ofAccount(@PathVariable Long id, Filter filter, @RequestParam(required = false) String page, Model model) {
        AccountSummary account = accounts.byId(id).orElseThrow(() -> new IncidentNotFound(id));
        model.addAttribute("account", account);
        return list(id, filter, page, model);
    }

    private String list(Long accountId, Filter filter, String page, Model model) {
        IncidentCriteria criteria;
        try {
            criteria = IncidentCriteria.parse(accountId, filter.from(), filter.to(), filter.severity(), filter.rule(),
                    filter.status(), IncidentCriteria.number("page", page),
                    IncidentCriteria.number("size", filter.size()), filter.dir(), zone);
        } catch (BadIncidentRequest e) {
            model.addAttribute("filterError", "incident.filter.invalid." + e.parameter());
            criteria = IncidentCriteria.parse(accountId, null, null, null, null, null, null, null, null, zone);
        }
        try {
            criteria = criteria.with(IncidentCriteria.Suppressed.parse(filter.suppressed()));
        } catch (BadIncidentRequest e) {
            model.addAttribute("filterError", "ruleexceptions.incidents.filterInvalid");
        }
        Page<IncidentView> incidents = query.find(criteria);
        model.addAttribute("filter", filter);
        model.addAttribute("criteria", criteria);
        model.addAttribute("incidents", incidents);
        model.addAttribute("rules", query.ruleIds());
        model.addAttribute("severities", Incident.SEVERITIES);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("accountNames", accountId == null ? accountNames(incidents) : Map.of());
        model.addAttribute("listPath", accountId == null ? "/incidents" : "/accounts/" + accountId + "/incidents");
        return "incident/list";
    }

    /** The names of the page's accounts in one statement; a deleted account shows its number. */
    private Map<Long, String> accountNames(Page<IncidentView> incidents) {
        Set<Long> ids = new LinkedHashSet<>();
        incidents.forEach(i -> ids.add(i.accountId()));
        Map<Long, String> found = accounts.namesOf(ids);
        Map<Long, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.put(id, found.getOrDefault(id, "#" + id)));
        return names;
    }

    @GetMapping("/incidents/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int evidencePage,
                Authentication authentication, Model model) {
        IncidentView incident = query.get(id).filter(i -> access.mayView(authentication, i.accountId()))
                .orElseThrow(() -> new IncidentNotFound(id));
        model.addAttribute("incident", incident);
        model.addAttribute("account", accounts.byId(incident.accountId()).orElse(null));
        model.addAttribute("evidence", query.evidence(incident, Math.max(evidencePage, 0), EVIDENCE_PAGE));
        return "incident/show";
    }

    @PostMapping("/incidents/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String changeStatus(@PathVariable long id, @RequestParam String status, RedirectAttributes redirect) {
        IncidentStatus to;
        try {
            to = IncidentCriteria.status(status);
        } catch (BadIncidentRequest e) {
            to = null;
        }
        if (to == null) {
            redirect.addFlashAttribute("error", "incident.status.invalid");
            return "redirect:/incidents/" + id;
        }
        try {
            lifeCycle.change(id, to, CurrentUser.name());
            redirect.addFlashAttribute("success", "incident.status.changed." + to.name());
        } catch (IllegalIncidentTransition e) {
            redirect.addFlashAttribute("error", "incident.status.illegal");
        }
        return "redirect:/incidents/" + id;
    }
}
