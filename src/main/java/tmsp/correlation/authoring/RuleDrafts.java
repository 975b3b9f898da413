package tmsp.correlation.authoring;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleCompiler;
import tmsp.correlation.RuleDefinition;
import tmsp.correlation.RuleException;
import tmsp.correlation.RuleParameter;
import tmsp.correlation.RuleSetEvents.RuleSetChanged;

/**
 * Rule set drafts: made from a version, edited while in DRAFT, checked (confinement and compilation), submitted
 * for review, and approved by someone else (compiled once, published, swapped in) or rejected back to DRAFT.
 * Every change is a {@link RuleSetChanged} for the system log.
 */
@Service
public class RuleDrafts {

    static final int MAX_FILE_BYTES = 200 * 1024;
    static final int MAX_FILES = 50;
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.drl");

    private final RuleSetStore store;
    private final CorrelationRules rules;
    private final ApplicationEventPublisher events;

    RuleDrafts(RuleSetStore store, CorrelationRules rules, ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.events = events;
    }

    /** A new draft with a copy of {@code fromVersionId}'s content, or of the published version when null. */
    @Transactional
    public RuleSetDraft create(String actor, Long fromVersionId, String title) {
        long base = fromVersionId != null ? row(fromVersionId).id()
                : store.publishedId().orElseThrow(() -> new IllegalStateException("No rule set is published yet"));
        String name = title == null || title.isBlank() ? null : title.strip();
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("A draft's title is at most 200 characters");
        }
        long id = store.createDraft(base, actor, name);
        RuleSetDraft draft = get(id);
        changed(actor, draft, "created", "from " + row(base).label() + (name == null ? "" : ": " + name));
        return draft;
    }

    public RuleSetDraft get(long id) {
        return RuleSetDraft.of(row(id), store.load(id));
    }

    /** Every version and draft, newest first, without their content. */
    public List<RuleSetStore.VersionRow> versions() {
        return store.rows();
    }

    /** Adds or replaces one DRL file of a draft. */
    @Transactional
    public RuleSetDraft saveFile(long id, String fileName, String drl, String actor) {
        String name = checkedFileName(fileName);
        String text = Objects.requireNonNull(drl, "drl").replace("\r\n", "\n");
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("A rule file is at most " + MAX_FILE_BYTES / 1024 + " KB");
        }
        store.changeDraft(id, "DRAFT", () -> {
            Map<String, String> files = store.load(id).files();
            if (!files.containsKey(name) && files.size() >= MAX_FILES) {
                throw new IllegalArgumentException("A rule set has at most " + MAX_FILES + " files");
            }
            store.putFile(id, name, text);
        });
        RuleSetDraft draft = get(id);
        changed(actor, draft, "file saved", name);
        return draft;
    }

    @Transactional
    public RuleSetDraft deleteFile(long id, String fileName, String actor) {
        String name = checkedFileName(fileName);
        store.changeDraft(id, "DRAFT", () -> {
            if (!store.load(id).files().containsKey(name)) {
                throw new IllegalArgumentException("The draft has no file " + name);
            }
            store.removeFile(id, name);
        });
        RuleSetDraft draft = get(id);
        changed(actor, draft, "file deleted", name);
        return draft;
    }

    /**
     * Replaces the draft's parameter values: each key is {@code ruleId.parameter} of a rule in the draft, each
     * value checked against the parameter's type and limits. Values equal to the default are not stored.
     */
    @Transactional
    public RuleSetDraft saveParameters(long id, Map<String, String> values, String actor) {
        Map<String, String> overrides = new LinkedHashMap<>();
        store.changeDraft(id, "DRAFT", () -> {
            Map<String, RuleParameter> known = new LinkedHashMap<>();
            for (RuleDefinition rule : definitions(store.load(id).files())) {
                rule.parameters().forEach(p -> known.put(rule.id() + "." + p.name(), p));
            }
            values.forEach((key, value) -> {
                RuleParameter parameter = known.get(key);
                if (parameter == null) {
                    throw new IllegalArgumentException("No rule parameter " + key + " in this draft");
                }
                RuleParameter checked = parameter.with(value);
                if (!checked.value().equals(parameter.defaultValue())) {
                    overrides.put(key, checked.value());
                }
            });
            store.replaceParameters(id, overrides);
        });
        RuleSetDraft draft = get(id);
        changed(actor, draft, "parameters saved", overrides.isEmpty() ? "all defaults" : overrides.toString());
        return draft;
    }

    @Transactional
    public RuleSetDraft addException(long id, RuleException exception, String actor) {
        store.changeDraft(id, "DRAFT", () -> {
            boolean ruleExists = definitions(store.load(id).files()).stream()
                    .anyMatch(r -> r.id().equals(exception.ruleId()));
            if (!ruleExists) {
                throw new IllegalArgumentException("No rule " + exception.ruleId() + " in this draft");
            }
            store.insertException(id, new RuleException(null, exception.ruleId(), exception.kind(),
                    exception.pattern(), exception.until(), exception.comment(), actor));
        });
        RuleSetDraft draft = get(id);
        changed(actor, draft, "exception added", exception.ruleId() + ": " + exception.kind().name().toLowerCase()
                + " " + exception.pattern() + (exception.until() == null ? "" : " until " + exception.until()));
        return draft;
    }

    @Transactional
    public RuleSetDraft removeException(long id, long exceptionId, String actor) {
        store.changeDraft(id, "DRAFT", () -> {
            if (!store.deleteException(id, exceptionId)) {
                throw new IllegalArgumentException("The draft has no exception #" + exceptionId);
            }
        });
        RuleSetDraft draft = get(id);
        changed(actor, draft, "exception removed", "#" + exceptionId);
        return draft;
    }

    /** *Check*: the confinement and the DRL compiler over the draft, every problem with its place. */
    public CheckResult check(long id) {
        try {
            return new CheckResult(List.of(), compile(id).rules());
        } catch (RuleCompilationException e) {
            return new CheckResult(e.problems(), List.of());
        }
    }

    /** The draft compiled as a draft (confined first), with its exceptions. */
    public CompiledRules compile(long id) {
        RuleSetDraft draft = get(id);
        return RuleCompiler.compileDraft(draft.label(), draft.files(), draft.overrides())
                .withExceptions(draft.exceptions());
    }

    /** DRAFT to IN_REVIEW; only a draft that compiles is submitted. */
    @Transactional
    public RuleSetDraft submit(long id, String actor, String comment, String processId) {
        CheckResult check = check(id);
        if (!check.ok()) {
            throw new RuleCompilationException(check.problems().stream().map(Object::toString).toList());
        }
        String note = trimmed(comment, "comment");
        store.changeDraft(id, "DRAFT", () -> store.setState(id, "IN_REVIEW", note, null, null, processId));
        RuleSetDraft draft = get(id);
        changed(actor, draft, "submitted for review", note == null ? "" : note);
        return draft;
    }

    /**
     * IN_REVIEW to PUBLISHED by someone other than the author: compiled once, stored as the next version, and
     * swapped in on this node; the other nodes find it in the database within {@code tmsp.rules.refresh}.
     */
    public RuleSetDraft approve(long id, String reviewer, String comment) {
        RuleSetDraft draft = get(id);
        if (!"IN_REVIEW".equals(draft.state())) {
            throw new DraftNotEditable(id, draft.state());
        }
        requireOtherThanAuthor(draft, reviewer);
        RuleCompiler.confine(draft.files());
        CompiledRules compiled = rules.compiled(draft.label(), draft.files(), draft.overrides()); // prepared in review
        store.publishDraft(id, reviewer, trimmed(comment, "comment"));
        RuleSetDraft published = get(id);
        rules.adopt(compiled.labelled(published.label()).withExceptions(published.exceptions()), id);
        changed(reviewer, published, "approved and published", comment == null ? "" : comment.strip());
        return published;
    }

    /** IN_REVIEW back to DRAFT, with the reviewer's comment for the author. */
    @Transactional
    public RuleSetDraft reject(long id, String reviewer, String comment) {
        String reason = trimmed(comment, "comment");
        if (reason == null) {
            throw new IllegalArgumentException("A rejection says why");
        }
        RuleSetDraft before = get(id);
        requireOtherThanAuthor(before, reviewer);
        store.changeDraft(id, "IN_REVIEW", () -> store.setState(id, "DRAFT", null, reviewer, reason, null));
        RuleSetDraft draft = get(id);
        changed(reviewer, draft, "rejected", reason);
        return draft;
    }

    /** Deletes a draft nobody needs; only in DRAFT. */
    @Transactional
    public void discard(long id, String actor) {
        RuleSetDraft draft = get(id);
        store.changeDraft(id, "DRAFT", () -> store.delete(id));
        changed(actor, draft, "discarded", draft.title() == null ? "" : draft.title());
    }

    private static void requireOtherThanAuthor(RuleSetDraft draft, String reviewer) {
        if (draft.author().equals(reviewer)) {
            throw new FourEyesRequired(draft.label());
        }
    }

    private static List<RuleDefinition> definitions(Map<String, String> files) {
        try {
            return RuleCompiler.definitions(files, Map.of());
        } catch (RuleCompilationException e) {
            throw new IllegalArgumentException("The draft's rules must be fixed first: " + e.messages().get(0));
        }
    }

    private static String checkedFileName(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("A rule file's name is lower-case letters, digits and '-', ending in"
                    + " .drl (at most 64 characters)");
        }
        return fileName;
    }

    private static String trimmed(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > 2000) {
            throw new IllegalArgumentException("The " + what + " is at most 2000 characters");
        }
        return text.strip();
    }

    private RuleSetStore.VersionRow row(long id) {
        return store.row(id).orElseThrow(() -> new DraftNotFound(id));
    }

    private void changed(String actor, RuleSetDraft draft, String step, String details) {
        events.publishEvent(new RuleSetChanged(actor, draft.id(), draft.label(), step,
                details.length() > 500 ? details.substring(0, 499) + "…" : details));
    }
}
