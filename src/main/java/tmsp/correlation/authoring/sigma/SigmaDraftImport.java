package tmsp.correlation.authoring.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.RuleCompiler;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * A Sigma file into a draft: converted with the current field mapping, checked like any draft (confinement and
 * compilation, together with the draft's other files), and saved as one DRL file. A new draft is created in the
 * same transaction, so a failure leaves nothing behind.
 */
@Service
public class SigmaDraftImport {

    /** What the import page shows: the DRL or why there is none, and the compiler's view of it. */
    public record Preview(SigmaImport.Result result, List<String> refusals, List<String> compileProblems) {

        public boolean importable() {
            return result != null && refusals.isEmpty() && compileProblems.isEmpty();
        }
    }

    private final SigmaFieldMappings mappings;
    private final RuleDrafts drafts;

    SigmaDraftImport(SigmaFieldMappings mappings, RuleDrafts drafts) {
        this.mappings = mappings;
        this.drafts = drafts;
    }

    /** Converts and compiles, alone or with the files of draft {@code draftId} (null: a new draft). */
    public Preview preview(String yaml, Long draftId) {
        SigmaImport.Result result;
        try {
            result = SigmaImport.convert(yaml, mappings.asMap());
        } catch (SigmaRefused e) {
            return new Preview(null, e.reasons(), List.of());
        }
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> overrides = Map.of();
        if (draftId != null) {
            RuleSetDraft draft = drafts.get(draftId);
            files.putAll(draft.files());
            overrides = draft.overrides();
        }
        files.put(result.fileName(), result.drl());
        try {
            RuleCompiler.compileDraft("sigma-preview", files, overrides);
            return new Preview(result, List.of(), List.of());
        } catch (RuleCompilationException e) {
            return new Preview(result, List.of(), e.messages());
        }
    }

    /**
     * Saves the converted file into the draft (a new one when {@code draftId} is null).
     *
     * @return the draft and the preview; the draft is null when the preview is not importable
     */
    @Transactional
    public Imported importInto(String yaml, Long draftId, String actor) {
        Preview preview = preview(yaml, draftId);
        if (!preview.importable()) {
            return new Imported(null, preview);
        }
        long id = draftId != null ? draftId
                : drafts.create(actor, null, title(preview.result())).id();
        RuleSetDraft draft = drafts.saveFile(id, preview.result().fileName(), preview.result().drl(), actor);
        return new Imported(draft, preview);
    }

    public record Imported(RuleSetDraft draft, Preview preview) {
    }

    private static String title(SigmaImport.Result result) {
        String title = "Sigma import: " + result.fileName();
        return title.length() > 200 ? title.substring(0, 200) : title;
    }
}
