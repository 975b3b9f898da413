package tmsp.correlation.internal;

/** Rule drafts for the confinement tests: a file head like the shipped rules' and a rule around a consequence. */
final class DraftDrl {

    static final String HEAD = """
            package tmsp.rules.draft

            import tmsp.correlation.DetectionFact
            import java.util.List

            global tmsp.correlation.RaisedIncidents incidents

            """;

    private DraftDrl() {
    }

    /** A rule whose consequence is {@code body}: the consequence starts on line 13 of the file. */
    static String ruleThat(String body) {
        return HEAD + """
                rule "Draft"
                    @id("draft") @severity("high")
                when
                    $d : DetectionFact( threatName != null )
                then
                """ + body + "\nend\n";
    }
}
