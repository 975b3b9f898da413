package tmsp.correlation;

/** What happens to rule sets, for the system log. */
public final class RuleSetEvents {

    private RuleSetEvents() {
    }

    /**
     * One step in the life of a rule set version: a draft created, a file or parameters saved, an exception
     * added, submitted, approved, rejected, published, discarded.
     *
     * @param label   {@code v3} or {@code draft #12}
     * @param step    what happened, lower case (e.g. {@code file saved}, {@code approved})
     * @param details what it concerned (a file name, the comment), short
     */
    public record RuleSetChanged(String actor, long versionId, String label, String step, String details) {
    }
}
