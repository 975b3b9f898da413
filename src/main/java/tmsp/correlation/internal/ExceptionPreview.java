package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tmsp.account.AccountLookup;
import tmsp.correlation.RuleException;
import tmsp.correlation.RuleExceptions;
import tmsp.incident.IncidentHistory;

/**
 * What an exception would have done: the stored incidents of its rule, of every account, last seen in the last
 * {@link #DAYS} days, that it matches (each judged on the day of its last seen), counted as they stream by; the
 * newest {@link #SAMPLES} are kept for a short list. Incidents another exception suppresses already are counted
 * too, and said so.
 */
@Service
class ExceptionPreview {

    static final int DAYS = 30;
    static final int SAMPLES = 10;

    private final IncidentHistory history;
    private final AccountLookup accounts;
    private final CorrelationSettings settings;

    ExceptionPreview(IncidentHistory history, AccountLookup accounts, CorrelationSettings settings) {
        this.history = history;
        this.accounts = accounts;
        this.settings = settings;
    }

    record Preview(long matched, long alreadySuppressed, List<Sample> samples, Instant from, Instant to) {
    }

    record Sample(long incidentId, long accountId, String account, String title, Instant lastSeen,
                  boolean suppressed) {
    }

    Preview of(RuleException exception, Instant now) {
        Instant from = now.minus(Duration.ofDays(DAYS));
        long[] counts = new long[2];
        List<IncidentHistory.RuleIncident> newest = new ArrayList<>();
        history.incidentsOfRule(exception.ruleId(), from, now, incident -> {
            LocalDate day = LocalDate.ofInstant(incident.lastSeen(), settings.zone());
            if (RuleExceptions.matches(exception, incident.ruleId(), incident.hosts(), incident.addresses(),
                    incident.threatNames(), day)) {
                counts[0]++;
                counts[1] += incident.suppressed() ? 1 : 0;
                if (newest.size() < SAMPLES) {
                    newest.add(incident);
                }
            }
        });
        Set<Long> ids = new HashSet<>();
        newest.forEach(i -> ids.add(i.accountId()));
        Map<Long, String> names = accounts.namesOf(ids);
        List<Sample> samples = newest.stream().map(i -> new Sample(i.id(), i.accountId(),
                names.getOrDefault(i.accountId(), "#" + i.accountId()), i.title(), i.lastSeen(), i.suppressed()))
                .toList();
        return new Preview(counts[0], counts[1], samples, from, now);
    }
}
