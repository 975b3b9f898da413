package tmsp.maintenance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.identity.CurrentUser;
import tmsp.maintenance.RetainedData;

/**
 * Administration › Log maintenance: retention per kind with the storage each uses (table and chart), the purge
 * schedule, Purge now, and the latest runs (polled by htmx while one is running).
 */
@Controller
@RequestMapping(MaintenanceController.PATH)
@PreAuthorize("hasRole('ADMIN')")
class MaintenanceController {

    static final String PATH = "/admin/maintenance";
    static final int RUNS_SHOWN = 10;

    private final RetentionSettings retention;
    private final PurgeSchedule schedule;
    private final PurgeRuns runs;
    private final MessageSource messages;

    MaintenanceController(RetentionSettings retention, PurgeSchedule schedule, PurgeRuns runs, MessageSource messages) {
        this.retention = retention;
        this.schedule = schedule;
        this.runs = runs;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        return show(model, locale, null, null, null);
    }

    @PostMapping("/retention")
    String saveRetention(@RequestParam Map<String, String> params, Model model, Locale locale,
                         RedirectAttributes redirect) {
        RetentionForm form = RetentionForm.read(params, retention);
        if (!form.valid()) {
            model.addAttribute("error", "maintenance.retention.notSaved");
            return show(model, locale, form, null, null);
        }
        retention.change(form.days(), CurrentUser.name());
        redirect.addFlashAttribute("success", "maintenance.retention.saved");
        return "redirect:" + PATH;
    }

    @PostMapping("/schedule")
    String saveSchedule(@RequestParam(defaultValue = "") String cron, Model model, Locale locale,
                        RedirectAttributes redirect) {
        if (!PurgeCron.isValid(cron)) {
            model.addAttribute("error", "maintenance.schedule.notSaved");
            return show(model, locale, null, cron, "maintenance.schedule.invalid");
        }
        schedule.change(cron, CurrentUser.name());
        redirect.addFlashAttribute("success", "maintenance.schedule.saved");
        return "redirect:" + PATH;
    }

    @PostMapping("/purge")
    String purgeNow(RedirectAttributes redirect) {
        long run = schedule.startNow(CurrentUser.name());
        redirect.addFlashAttribute("success", "maintenance.purge.started");
        redirect.addFlashAttribute("flashArg", run);
        return "redirect:" + PATH + "#runs";
    }

    /** The runs card alone, for htmx's polling while a run is going. */
    @GetMapping("/runs")
    String runsFragment(Model model, Locale locale) {
        addRuns(model, locale);
        return "maintenance/page :: runs";
    }

    private String show(Model model, Locale locale, RetentionForm form, String cron, String cronError) {
        Map<String, Integer> days = retention.days();
        List<StorageRow> rows = new ArrayList<>();
        for (RetainedData kind : retention.kinds()) {
            rows.add(new StorageRow(kind.kind(), label(kind.kind(), locale), days.get(kind.kind()),
                    RetentionSettings.defaultDays(kind), kind.storageBytes()));
        }
        model.addAttribute("rows", rows);
        Map<String, String> input = new HashMap<>();
        rows.forEach(r -> input.put(r.kind(), String.valueOf(r.days())));
        if (form != null) {
            input.putAll(form.input()); // what was typed, to correct it
        }
        model.addAttribute("input", input);
        model.addAttribute("retentionErrors", form == null ? Map.of() : form.errors());
        model.addAttribute("chartLabels", rows.stream().map(StorageRow::label).collect(Collectors.joining("|")));
        model.addAttribute("chartBytes", rows.stream().map(r -> String.valueOf(r.bytes())).collect(Collectors.joining(",")));
        PurgeSchedule.Current current = schedule.current();
        model.addAttribute("schedule", current);
        model.addAttribute("cron", cron == null ? current.cron() : cron);
        model.addAttribute("cronError", cronError);
        model.addAttribute("nextPurge", schedule.next());
        addRuns(model, locale);
        return "maintenance/page";
    }

    private void addRuns(Model model, Locale locale) {
        List<PurgeRun> latest = runs.latest(RUNS_SHOWN);
        model.addAttribute("runs", latest);
        model.addAttribute("polling", latest.stream().anyMatch(PurgeRun::running));
        model.addAttribute("kindLabels", retention.kinds().stream()
                .collect(Collectors.toMap(RetainedData::kind, k -> label(k.kind(), locale))));
    }

    /** A kind's label from the messages; the kind itself when its module brought none. */
    private String label(String kind, Locale locale) {
        return messages.getMessage("maintenance.kind." + kind, null, kind, locale);
    }
}
