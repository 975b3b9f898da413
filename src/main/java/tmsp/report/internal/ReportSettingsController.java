package tmsp.report.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.account.AccountLookup;
import tmsp.account.AccountRecipients;
import tmsp.account.AccountRecipients.Recipient;
import tmsp.account.AccountSummary;

/**
 * Report sending settings (administrators): the account's recipients are chosen from its contact person and
 * contacts; each receives the scheduled report types ticked for them.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ReportSettingsController {

    /** A chosen recipient as the page shows it: who, and what they get. */
    record Row(Recipient recipient, Set<ReportType> types) {
    }

    private final AccountLookup accounts;
    private final AccountRecipients recipients;
    private final RecipientSettings settings;

    ReportSettingsController(AccountLookup accounts, AccountRecipients recipients, RecipientSettings settings) {
        this.accounts = accounts;
        this.recipients = recipients;
        this.settings = settings;
    }

    @GetMapping("/accounts/{id}/reports/settings")
    String page(@PathVariable long id, Model model) {
        AccountSummary account = accounts.byId(id).orElseThrow(ReportSettingsController::notFound);
        Map<String, Recipient> known = recipients.of(id).stream()
                .collect(Collectors.toMap(Recipient::key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<RecipientSettings.Setting> chosen = settings.of(id);
        // A contact removed from the account since is no recipient any more: not shown, not mailed.
        List<Row> rows = chosen.stream().filter(s -> known.containsKey(s.recipientKey()))
                .map(s -> new Row(known.get(s.recipientKey()), s.types())).toList();
        Set<String> chosenKeys = chosen.stream().map(RecipientSettings.Setting::recipientKey).collect(Collectors.toSet());
        model.addAttribute("account", account);
        model.addAttribute("rows", rows);
        model.addAttribute("addable", known.values().stream().filter(r -> !chosenKeys.contains(r.key())).toList());
        model.addAttribute("types", ReportType.SCHEDULED);
        return "report/settings";
    }

    @PostMapping("/accounts/{id}/reports/settings/recipients")
    String add(@PathVariable long id, @RequestParam(required = false) String recipientKey, RedirectAttributes flash) {
        if (known(id, recipientKey)) {
            settings.add(id, recipientKey);
            flash.addFlashAttribute("success", "report.settings.saved");
        } else {
            flash.addFlashAttribute("error", "report.settings.unknownRecipient");
        }
        return redirect(id);
    }

    @PostMapping("/accounts/{id}/reports/settings/recipients/remove")
    String remove(@PathVariable long id, @RequestParam String recipientKey, RedirectAttributes flash) {
        settings.remove(id, recipientKey);
        flash.addFlashAttribute("success", "report.settings.saved");
        return redirect(id);
    }

    @PostMapping("/accounts/{id}/reports/settings/recipients/types")
    String choose(@PathVariable long id, @RequestParam String recipientKey,
                  @RequestParam(name = "type", required = false) List<String> types, RedirectAttributes flash) {
        Set<ReportType> chosen = EnumSet.noneOf(ReportType.class);
        for (String type : types == null ? List.<String>of() : types) {
            ReportType.SCHEDULED.stream().filter(t -> t.name().equals(type)).forEach(chosen::add);
        }
        settings.choose(id, recipientKey, chosen);
        flash.addFlashAttribute("success", "report.settings.saved");
        return redirect(id);
    }

    private boolean known(long id, String recipientKey) {
        accounts.byId(id).orElseThrow(ReportSettingsController::notFound);
        return recipientKey != null && recipients.of(id).stream().anyMatch(r -> r.key().equals(recipientKey));
    }

    private static String redirect(long id) {
        return "redirect:/accounts/" + id + "/reports/settings";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
