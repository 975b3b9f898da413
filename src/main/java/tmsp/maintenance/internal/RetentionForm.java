package tmsp.maintenance.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retention form as posted ({@code retention.<kind>} = days), checked as a whole: every kind posted must carry a
 * whole number of days from 1 to 3650 (a kind not posted keeps its retention); one bad value and nothing is saved.
 */
record RetentionForm(Map<String, String> input, Map<String, Integer> days, Map<String, String> errors) {

    static final String PREFIX = "retention.";

    static RetentionForm read(Map<String, String> params, RetentionSettings settings) {
        Map<String, String> input = new LinkedHashMap<>();
        Map<String, Integer> days = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (var kind : settings.kinds()) {
            String value = params.get(PREFIX + kind.kind());
            if (value == null) {
                continue;
            }
            input.put(kind.kind(), value);
            Integer parsed = parse(value);
            if (parsed == null) {
                errors.put(kind.kind(), "maintenance.retention.invalid");
            } else if (parsed < RetentionSettings.MIN_DAYS || parsed > RetentionSettings.MAX_DAYS) {
                errors.put(kind.kind(), "maintenance.retention.range");
            } else {
                days.put(kind.kind(), parsed);
            }
        }
        return new RetentionForm(input, days, errors);
    }

    private static Integer parse(String value) {
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value.trim());
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
