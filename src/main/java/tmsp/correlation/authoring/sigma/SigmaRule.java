package tmsp.correlation.authoring.sigma;

import java.util.List;
import java.util.Map;

/** What the import read from a Sigma file, ready for {@link SigmaDrl}. */
final class SigmaRule {

    private SigmaRule() {
    }

    /** A base detection rule: its DRL expression over {@code DetectionFact} and what a stand-alone rule needs. */
    record Base(String name, String id, String title, String expression, Metadata metadata) {

        /** How the correlation refers to it in messages. */
        String label() {
            return name != null ? name : id != null ? id : title;
        }
    }

    /** Rule metadata for the DRL annotations. */
    record Metadata(String ruleId, String title, String severity, List<String> attack, List<String> tactics,
                    String description, String falsePositives) {
    }

    /** A group-by field: its name in the correlation and the detection property it is read from for each rule. */
    record Group(String name, List<String> properties, String javaType) {
    }

    enum Type { EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED }

    /**
     * A correlation rule. {@code condition} holds the comparisons (gt, gte, lt, lte, eq) and their values;
     * {@code valueProperty} is the property value_count counts the distinct values of.
     */
    record Correlation(Metadata metadata, Type type, List<Base> rules, List<Group> groups, String timespan,
                       Map<String, Long> condition, String valueProperty, String valueField, boolean generate) {
    }
}
