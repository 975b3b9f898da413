package tmsp.mitigation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.mitigation.CaseStep;

/**
 * An administrator downloads a case's forensic sample: the case becomes "Threat Sample Downloaded" (when nothing
 * further happened yet) and its history says who downloaded it and when, in the transaction that hands the file
 * out. The file itself is streamed afterwards, as an attachment, never unpacked.
 */
@Service
class SampleDownloads {

    /** The file to stream and the name the browser saves it under. */
    record Download(Path file, long size, String fileName) {
    }

    private final MitigationCases cases;
    private final CaseJournal journal;
    private final FileStore store;

    SampleDownloads(MitigationCases cases, CaseJournal journal, FileStore store) {
        this.cases = cases;
        this.journal = journal;
        this.store = store;
    }

    /**
     * @param record false for a HEAD request, which asks about the file without taking it: nothing is recorded
     * @throws CaseNotFound for an unknown case
     * @throws SampleGone   when the stored file is missing (removed from the store by hand, or a lost disk)
     */
    @Transactional
    Download start(long caseId, String actor, boolean record) {
        MitigationCase mitigationCase = cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        Path file = store.path(FileStore.Kind.SAMPLES, mitigationCase.sampleFile());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SampleGone(caseId);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new SampleGone(caseId);
        }
        if (record) {
            mitigationCase.sampleDownloaded(Instant.now());
            journal.record(mitigationCase, actor, CaseStep.SAMPLE_DOWNLOADED,
                    mitigationCase.sampleName() + " (" + size + " bytes)");
        }
        return new Download(file, size, fileName(caseId, mitigationCase.sampleName()));
    }

    /**
     * {@code case-<id>-<name>.zip}: the uploader's name reduced to letters, digits, dot, dash and underscore
     * (it names a file on the administrator's disk, so nothing of a path, a quote or a control character).
     */
    static String fileName(long caseId, String sampleName) {
        String name = sampleName == null ? "" : sampleName.trim();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "").replaceAll("[._]+$", "");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        return "case-" + caseId + (name.isEmpty() ? "" : "-" + name) + ".zip";
    }
}
