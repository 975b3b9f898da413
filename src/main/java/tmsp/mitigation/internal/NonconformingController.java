package tmsp.mitigation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tmsp.account.AccountLookup;
import tmsp.account.AccountProducts;
import tmsp.account.AccountSummary;

/**
 * An account's nonconforming endpoints: the five-day table, yesterday's endpoints per hour (a chart drawn by
 * /js/bar-chart.js) and yesterday's threat mitigation issues (the newest, with the count of all).
 */
@Controller
class NonconformingController {

    static final int TABLE_SIZE = 25;
    /** Yesterday's issues shown: the newest ones, with the count of all. */
    static final int ISSUES_SHOWN = 50;
    static final int MAX_FILTER = 100;

    private final NonconformingQuery query;
    private final AccountLookup accounts;
    private final AccountProducts products;
    private final ZoneId zone;
    private final Clock clock;

    NonconformingController(NonconformingQuery query, AccountLookup accounts, AccountProducts products,
                            @Value("${tmsp.time-zone}") ZoneId zone) {
        this.query = query;
        this.accounts = accounts;
        this.products = products;
        this.zone = zone;
        this.clock = Clock.system(zone);
    }

    @GetMapping("/accounts/{id}/mitigation/nonconforming")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String page(@PathVariable Long id, @RequestParam(required = false) String q,
                @RequestParam(required = false) String page, Model model) {
        AccountSummary account = accounts.byId(id).orElseThrow(() -> new CaseNotFound(id));
        String filter = q == null ? "" : q.trim();
        if (filter.length() > MAX_FILTER) {
            filter = filter.substring(0, MAX_FILTER);
        }
        ReportingDays days = ReportingDays.before(LocalDate.now(clock), zone);
        long[] perHour = query.perHour(id, days);
        model.addAttribute("account", account);
        model.addAttribute("q", filter);
        model.addAttribute("days", days);
        model.addAttribute("table", query.table(id, days, filter, number(page), TABLE_SIZE));
        model.addAttribute("issues", query.issues(id, days, ISSUES_SHOWN));
        model.addAttribute("mitigators", products.registeredTo(id).stream()
                .collect(Collectors.toMap(AccountProducts.Product::id, AccountProducts.Product::hostname, (a, b) -> a)));
        model.addAttribute("hourLabels", String.join(",", days.hours().stream().map(ReportingDays.Period::label).toList()));
        model.addAttribute("hourCounts", Arrays.stream(perHour).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        model.addAttribute("hourPeak", Arrays.stream(perHour).max().orElse(0));
        String listPath = "/accounts/" + id + "/mitigation/nonconforming";
        model.addAttribute("listPath", listPath);
        model.addAttribute("pagerPath", UriComponentsBuilder.fromPath(listPath)
                .queryParamIfPresent("q", Optional.of(filter).filter(f -> !f.isEmpty())).encode().toUriString());
        return "mitigation/nonconforming";
    }

    /** A page number as sent; anything unreadable or negative is the first page. */
    static int number(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
