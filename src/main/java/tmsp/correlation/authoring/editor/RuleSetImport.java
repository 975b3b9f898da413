package tmsp.correlation.authoring.editor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * Makes a draft of an exported rule set: a draft of the published version whose files, parameters and exceptions
 * become the zip's. One transaction: a zip whose content the drafts refuse leaves no draft behind.
 */
@Service
class RuleSetImport {

    static final long MAX_ZIP_BYTES = RuleSetArchive.MAX_TOTAL_BYTES + 1024 * 1024;

    private final RuleDrafts drafts;

    RuleSetImport(RuleDrafts drafts) {
        this.drafts = drafts;
    }

    @Transactional
    RuleSetDraft importDraft(byte[] zip, String actor) {
        if (zip.length > MAX_ZIP_BYTES) {
            throw new ArchiveRefused("The zip is larger than " + MAX_ZIP_BYTES / (1024 * 1024) + " MB");
        }
        RuleSetArchive.Content content = RuleSetArchive.read(zip);
        RuleSetManifest manifest = content.manifest();
        String from = manifest.label() == null ? "a zip" : manifest.label();
        String title = "import of " + from + (manifest.title() == null ? "" : ": " + manifest.title());
        RuleSetDraft draft = drafts.create(actor, null, title.length() > 200 ? title.substring(0, 199) + "…" : title);
        long id = draft.id();
        for (String old : draft.files().keySet()) {
            if (!content.files().containsKey(old)) {
                drafts.deleteFile(id, old, actor);
            }
        }
        content.files().forEach((name, drl) -> {
            if (!drl.replace("\r\n", "\n").equals(draft.files().get(name))) {
                drafts.saveFile(id, name, drl, actor);
            }
        });
        if (!manifest.parameters().isEmpty() || !draft.overrides().isEmpty()) {
            drafts.saveParameters(id, manifest.parameters(), actor);
        }
        for (RuleException old : draft.exceptions()) {
            drafts.removeException(id, old.id(), actor);
        }
        for (RuleException exception : manifest.exceptions()) {
            drafts.addException(id, exception, actor);
        }
        return drafts.get(id);
    }
}
