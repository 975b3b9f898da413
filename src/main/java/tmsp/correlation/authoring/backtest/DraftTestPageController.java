package tmsp.correlation.authoring.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tmsp.account.AccountLookup;
import tmsp.correlation.authoring.DraftNotFound;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.identity.CurrentUser;

/**
 * The page to test a draft: the form (an account and days, by default the last 7 days, or pasted lines), the
 * draft's recent tests, and a test's own page with its progress (polled while it runs, with Cancel) and the
 * incidents it adds, removes and changes side by side.
 */
@Controller
@RequestMapping("/rules/drafts/{draftId}/tests")
@PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
class DraftTestPageController {

    static final int DEFAULT_DAYS = 7;

    private final DraftTests tests;
    private final RuleDrafts drafts;
    private final AccountLookup accounts;
    private final DraftTestRunner runner;
    private final MessageSource messages;

    DraftTestPageController(DraftTests tests, RuleDrafts drafts, AccountLookup accounts, DraftTestRunner runner,
                            MessageSource messages) {
        this.tests = tests;
        this.drafts = drafts;
        this.accounts = accounts;
        this.runner = runner;
        this.messages = messages;
    }

    /** What the form was filled with, to show it again beside an error. */
    record TestForm(String mode, Long accountId, String from, String to, String lines) {
    }

    @GetMapping
    String page(@PathVariable long draftId, Model model) {
        LocalDate yesterday = LocalDate.now(runner.zone()).minusDays(1);
        return form(draftId, new TestForm("stored", null, yesterday.minusDays(DEFAULT_DAYS - 1).toString(),
                yesterday.toString(), ""), null, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('ANALYST')")
    String start(@PathVariable long draftId, @RequestParam(defaultValue = "stored") String mode,
                 @RequestParam(required = false) Long accountId, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String lines,
                 Model model, HttpServletResponse response) {
        TestForm form = new TestForm(mode, accountId, from, to, lines);
        try {
            TestSummary test;
            if ("pasted".equals(mode)) {
                test = tests.overPastedLines(draftId, lines, CurrentUser.name());
            } else if (accountId == null) {
                throw TestRefused.badInput("No account chosen", "ruletest.refused.noAccountChosen");
            } else {
                test = tests.overStoredDays(draftId, accountId, from, to, CurrentUser.name());
            }
            return "redirect:" + test.url();
        } catch (TestRefused refused) {
            if (refused.messageCode().equals("ruletest.refused.noDraft")) {
                throw new DraftNotFound(draftId);
            }
            response.setStatus(refused.getStatusCode().value());
            return form(draftId, form, refused, model);
        }
    }

    @GetMapping("/{testId}")
    String test(@PathVariable long draftId, @PathVariable long testId, Model model) {
        DraftTests.TestView view = view(draftId, testId);
        model.addAttribute("draft", draft(draftId));
        model.addAttribute("test", view.summary());
        model.addAttribute("result", view.result());
        model.addAttribute("accountName", accountName(view.summary()));
        return "rules/test";
    }

    /** The progress block alone, for htmx; once the test has ended the whole page is reloaded for its result. */
    @GetMapping("/{testId}/progress")
    String progress(@PathVariable long draftId, @PathVariable long testId, Model model,
                    HttpServletResponse response) {
        TestSummary test = view(draftId, testId).summary();
        if (test.status().ended()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("test", test);
        return "rules/test :: progress";
    }

    @PostMapping("/{testId}/cancel")
    @PreAuthorize("hasRole('ANALYST')")
    String cancel(@PathVariable long draftId, @PathVariable long testId) {
        view(draftId, testId);
        tests.cancel(testId);
        return "redirect:/rules/drafts/" + draftId + "/tests/" + testId;
    }

    private String form(long draftId, TestForm form, TestRefused refused, Model model) {
        model.addAttribute("draft", draft(draftId));
        model.addAttribute("form", form);
        model.addAttribute("accounts", accountChoices());
        model.addAttribute("recent", tests.recent(draftId));
        model.addAttribute("maxDays", DraftTests.MAX_DAYS);
        if (refused != null) {
            model.addAttribute("error", messages.getMessage(refused.messageCode(), refused.arguments(),
                    refused.getBody().getDetail(), LocaleContextHolder.getLocale()));
            Object errors = refused.getBody().getProperties() == null ? null : refused.getBody().getProperties().get("errors");
            Object problems = refused.getBody().getProperties() == null ? null : refused.getBody().getProperties().get("problems");
            model.addAttribute("lineErrors", errors);
            model.addAttribute("problems", problems);
        }
        return "rules/tests";
    }

    private RuleSetDraft draft(long draftId) {
        return drafts.get(draftId);
    }

    private DraftTests.TestView view(long draftId, long testId) {
        return tests.find(testId).filter(v -> v.summary().draftId() == draftId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No rule test " + testId));
    }

    private List<Map.Entry<Long, String>> accountChoices() {
        return accounts.namesOf(accounts.allIds()).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private String accountName(TestSummary test) {
        return test.accountId() == null ? null : accounts.byId(test.accountId()).map(a -> a.name()).orElse(null);
    }
}
