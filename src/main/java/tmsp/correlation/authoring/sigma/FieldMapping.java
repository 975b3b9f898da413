package tmsp.correlation.authoring.sigma;

import java.util.List;
import java.util.Map;

/** Sigma field names to {@code DetectionFact} properties, exactly as written (Sigma field names are case-sensitive). */
record FieldMapping(Map<String, String> properties) {

    FieldMapping {
        properties = Map.copyOf(properties);
    }

    /** The property for a Sigma field, or null after recording that it has none. */
    String property(String field, String where, List<String> problems) {
        String property = properties.get(field);
        if (property == null) {
            problems.add(where + ": the field '" + field + "' is not mapped to the detection model");
            return null;
        }
        if (!DetectionFields.exists(property)) {
            problems.add(where + ": the field '" + field + "' is mapped to '" + property
                    + "', which is not a detection property");
            return null;
        }
        return property;
    }
}
