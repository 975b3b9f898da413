package tmsp.correlation.authoring.editor;

/** An uploaded rule set zip that is not taken, with the reason for the analyst. Nothing was created. */
class ArchiveRefused extends RuntimeException {

    ArchiveRefused(String reason) {
        super(reason);
    }
}
