package tmsp.correlation.authoring.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tmsp.account.AccountLookup;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.authoring.DraftNotFound;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.ingest.PastedLines;

/**
 * Tests of rule set drafts: started over an account's stored days or over pasted lines, run in the background
 * ({@link DraftTestRunner}), followed, cancelled, and shown (the latest one beside a draft under review).
 */
@Service
public class DraftTests {

    /** The most days one test covers. */
    public static final int MAX_DAYS = 31;

    private final DraftTestRows rows;
    private final DraftTestRunner runner;
    private final RuleDrafts drafts;
    private final AccountLookup accounts;
    private final ObjectMapper json;

    DraftTests(DraftTestRows rows, DraftTestRunner runner, RuleDrafts drafts, AccountLookup accounts,
               ObjectMapper json) {
        this.rows = rows;
        this.runner = runner;
        this.drafts = drafts;
        this.accounts = accounts;
        this.json = json;
    }

    /** Compiled drafts kept for the next test of the same content. */
    static final int COMPILED_KEPT = 4;
    private final java.util.Deque<CompiledDraft> compiled = new java.util.ArrayDeque<>();

    private record CompiledDraft(long draftId, java.util.Map<String, String> files,
                                 java.util.Map<String, String> overrides, CompiledRules rules) {
        boolean sameContent(CompiledDraft other) {
            return draftId == other.draftId && files.equals(other.files) && overrides.equals(other.overrides);
        }
    }

    /** A test with its result (null until it is done). */
    public record TestView(TestSummary summary, TestResult result) {
    }

    /** The draft's latest test, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<TestSummary> latest(long draftId) {
        return rows.findFirstByDraftIdOrderByCreatedAtDescIdDesc(draftId).map(this::summary);
    }

    @Transactional(readOnly = true)
    public List<TestSummary> recent(long draftId) {
        return rows.findTop10ByDraftIdOrderByCreatedAtDescIdDesc(draftId).stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TestView> find(long testId) {
        return rows.findById(testId).map(t -> new TestView(summary(t), result(t)));
    }

    /**
     * Queues a test of the draft over the account's stored detections of {@code from} to {@code to} (dates
     * written YYYY-MM-DD, days in the configured zone, at most {@link #MAX_DAYS}). Not one transaction: compiling
     * takes seconds, and the row must be committed before a worker looks for it.
     */
    public TestSummary overStoredDays(long draftId, long accountId, String from, String to, String actor) {
        LocalDate first = day(from, "from");
        LocalDate last = day(to, "to");
        if (last.isBefore(first)) {
            throw TestRefused.badInput("to (" + last + ") is before from (" + first + ")", "ruletest.refused.toBeforeFrom",
                    last, first);
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw TestRefused.badInput("A test covers at most " + MAX_DAYS + " days, not " + days,
                    "ruletest.refused.tooManyDays", MAX_DAYS, days);
        }
        CompiledRules draft = compile(draftId);
        if (accounts.byId(accountId).isEmpty()) {
            throw TestRefused.noAccount(accountId);
        }
        refuseWhenBusy();
        DraftTest test = rows.save(DraftTest.ofStored(draftId, accountId, first, last, actor, Instant.now()));
        return queue(test, draft, new TestSource.StoredDays(accountId, first, last));
    }

    /** Queues a test of the draft over pasted log lines; refused whole when any line does not parse. */
    public TestSummary overPastedLines(long draftId, String lines, String actor) {
        CompiledRules draft = compile(draftId);
        PastedLines.Parsed parsed;
        try {
            parsed = PastedLines.parse(lines, 0, Instant.now());
        } catch (IllegalArgumentException e) {
            throw TestRefused.badInput(e.getMessage(), "ruletest.refused.lines", e.getMessage());
        }
        if (!parsed.errors().isEmpty()) {
            throw TestRefused.unparsedLines(parsed.errors());
        }
        refuseWhenBusy();
        DraftTest test = rows.save(DraftTest.ofPasted(draftId, parsed.detections().size(), actor, Instant.now()));
        return queue(test, draft, new TestSource.Pasted(parsed.detections()));
    }

    /** A queued test ends at once; a running one stops at its next block of detections. */
    @Transactional
    public TestSummary cancel(long testId) {
        DraftTest test = rows.findById(testId).orElseThrow(() -> TestRefused.noTest(testId));
        test.requestCancel(Instant.now());
        afterCommit(() -> runner.cancelHere(testId));
        return summary(test);
    }

    /**
     * The draft compiled, or as compiled for an earlier test while its files and parameters are the same: an analyst
     * tests one draft several times, and compiling a rule set takes seconds.
     */
    private CompiledRules compile(long draftId) {
        try {
            RuleSetDraft draft = drafts.get(draftId);
            CompiledDraft key = new CompiledDraft(draftId, draft.files(), draft.overrides(), null);
            synchronized (compiled) {
                for (CompiledDraft c : compiled) {
                    if (c.sameContent(key)) {
                        return c.rules();
                    }
                }
            }
            CompiledRules rules = drafts.compile(draftId);
            synchronized (compiled) {
                compiled.addFirst(new CompiledDraft(draftId, draft.files(), draft.overrides(), rules));
                while (compiled.size() > COMPILED_KEPT) {
                    compiled.removeLast();
                }
            }
            return rules;
        } catch (DraftNotFound e) {
            throw TestRefused.noDraft(draftId);
        } catch (RuleCompilationException e) {
            throw TestRefused.doesNotCompile("draft #" + draftId, e.problems());
        }
    }

    /** The row is committed (saved outside a transaction); a worker takes it, or it fails at once if the queue filled. */
    private TestSummary queue(DraftTest test, CompiledRules draft, TestSource source) {
        try {
            runner.submit(test.getId(), draft, source);
        } catch (RejectedExecutionException e) {
            runner.failUnqueued(test.getId());
            throw TestRefused.busy();
        }
        return summary(test);
    }

    private void refuseWhenBusy() {
        if (runner.queueFull()) {
            throw TestRefused.busy();
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw TestRefused.badInput(field + " is missing: a date written YYYY-MM-DD", "ruletest.refused.noDay", field);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw TestRefused.badInput(field + " must be a date written YYYY-MM-DD, not '" + abbreviate(text) + "'",
                    "ruletest.refused.badDay", field, abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private TestSummary summary(DraftTest t) {
        TestResult result = t.getStatus() == TestStatus.DONE ? result(t) : null;
        IncidentDiff diff = result == null ? null : result.diff();
        return new TestSummary(t.getId(), t.getDraftId(), t.getAccountId(), t.getFromDay(), t.getToDay(),
                t.getLinesPasted(), t.getStatus(), t.getProgress(), t.getDetectionsRead(), t.getRequestedBy(),
                t.getCreatedAt(), t.getStartedAt(), t.getFinishedAt(), t.getError(),
                diff == null ? null : diff.addedCount(), diff == null ? null : diff.removedCount(),
                diff == null ? null : diff.changedCount(), diff == null ? null : diff.unchangedCount());
    }

    private TestResult result(DraftTest t) {
        if (t.getResult() == null) {
            return null;
        }
        try {
            return json.readValue(t.getResult(), TestResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rule test " + t.getId() + " has an unreadable result", e);
        }
    }
}
