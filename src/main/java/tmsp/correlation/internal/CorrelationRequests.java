package tmsp.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountLookup;

/** Queues correlation runs: the night's, one per account, and single ones asked for by a person or a script. */
@Service
class CorrelationRequests {

    private final CorrelationRuns runs;
    private final AccountLookup accounts;
    private final CorrelationProcess process;
    private final CorrelationSettings settings;
    private final JdbcTemplate jdbc;

    CorrelationRequests(CorrelationRuns runs, AccountLookup accounts, CorrelationProcess process,
                        CorrelationSettings settings, JdbcTemplate jdbc) {
        this.runs = runs;
        this.accounts = accounts;
        this.process = process;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * Claims the night and starts its process, in one transaction; another node that fired at the same time
     * fails on the night's primary key and starts nothing.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the night was claimed already
     */
    @Transactional
    void startNight(LocalDate night) {
        jdbc.update("insert into correlation_nights (night, claimed_at) values (?, ?)", night,
                java.sql.Timestamp.from(Instant.now()));
        process.startNightly(night);
    }

    /** The latest night any node claimed, or empty before the first. */
    Optional<LocalDate> lastClaimedNight() {
        return Optional.ofNullable(jdbc.queryForObject("select max(night) from correlation_nights", LocalDate.class));
    }

    /** One queued run per account for the day; called by the nightly process's first job. */
    @Transactional
    List<Long> queueNightly(LocalDate day) {
        Instant now = Instant.now();
        return accounts.allIds().stream()
                .map(accountId -> runs.save(new CorrelationRun(accountId, day, RunTrigger.NIGHTLY, "system", now)).getId())
                .toList();
    }

    /**
     * Queues a run of the account's day (yesterday in the configured zone when {@code day} is blank) and
     * starts its job.
     *
     * @throws RunRefused for an unknown account, or a day that is not a date or lies in the future
     */
    @Transactional
    CorrelationRun request(long accountId, String day, String requestedBy) {
        if (accounts.byId(accountId).isEmpty()) {
            throw RunRefused.noAccount(accountId);
        }
        Instant now = Instant.now();
        LocalDate runDay = dayOf(day, now);
        CorrelationRun run = runs.save(new CorrelationRun(accountId, runDay, RunTrigger.ON_DEMAND, requestedBy, now));
        process.startRun(run.getId());
        return run;
    }

    private LocalDate dayOf(String day, Instant now) {
        if (day == null || day.isBlank()) {
            return settings.yesterday(now);
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw RunRefused.badDay(day);
        }
        if (parsed.isAfter(LocalDate.ofInstant(now, settings.zone()))) {
            throw RunRefused.futureDay(day);
        }
        return parsed;
    }
}
