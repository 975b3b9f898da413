package tmsp.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.account.AccountPageSection;

/** The account page's "Correlation" card: its latest runs, and for staff the button that runs one. */
@Component
class CorrelationRunsSection implements AccountPageSection {

    static final int SHOWN = 5;

    private final CorrelationRuns runs;
    private final CorrelationSettings settings;

    CorrelationRunsSection(CorrelationRuns runs, CorrelationSettings settings) {
        this.runs = runs;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public String fragment() {
        return "correlation/runs-card :: section";
    }

    @Override
    public Map<String, Object> model(long accountId) {
        Instant now = Instant.now();
        return Map.of("accountId", accountId,
                "runs", runs.findTop5ByAccountIdOrderByCreatedAtDescIdDesc(accountId).stream().map(RunRow::of).toList(),
                "yesterday", settings.yesterday(now),
                "today", LocalDate.ofInstant(now, settings.zone()));
    }
}
