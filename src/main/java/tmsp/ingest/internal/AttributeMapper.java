package tmsp.ingest.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tmsp.ingest.Detection;
import tmsp.ingest.Direction;

/**
 * Moves the key=value pairs of a CEF or LEEF line into a detection: the first non-empty source of each
 * canonical field wins (see {@link FieldSources}); everything not used goes, in line order, to the extra
 * map, with labelled custom fields stored under their label. Nothing is dropped: a second alias of a field
 * that was already filled stays in the extra map under its own key.
 */
final class AttributeMapper {

    private static final String LABEL_SUFFIX = "Label";

    private final Map<String, String> attributes;
    private final Set<String> used = new HashSet<>();
    /** Key of a custom field -> its trimmed label, for the keys whose {@code ...Label} the line carries. */
    private final Map<String, String> labels;
    /** Normalised label -> key of the custom field it names, first one wins. */
    private final Map<String, String> labelled;

    private AttributeMapper(Map<String, String> attributes) {
        this.attributes = attributes;
        this.labels = labels(attributes);
        this.labelled = labels.isEmpty() ? Map.of() : new HashMap<>();
        if (!labels.isEmpty()) {
            for (String key : attributes.keySet()) {
                String label = labels.get(key);
                if (label != null) {
                    labelled.putIfAbsent(normalised(label), key);
                }
            }
        }
    }

    /** Each key K whose line also has a non-blank {@code KLabel}, with that label trimmed. */
    private static Map<String, String> labels(Map<String, String> attributes) {
        Map<String, String> labels = null;
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            if (key.endsWith(LABEL_SUFFIX)) {
                String field = key.substring(0, key.length() - LABEL_SUFFIX.length());
                String label = entry.getValue();
                if (attributes.containsKey(field) && label != null && !label.isBlank()) {
                    if (labels == null) {
                        labels = new HashMap<>();
                    }
                    labels.put(field, label.strip());
                }
            }
        }
        return labels == null ? Map.of() : labels;
    }

    /**
     * Fills the builder's fields and extra map from the attributes, which must keep line order.
     * {@code takenByReader} are keys the format reader used itself (rt, devTime, sev, ...).
     */
    static void map(Map<String, String> attributes, Set<String> takenByReader, Map<Field, List<String>> sources,
                    Detection.Builder builder) {
        AttributeMapper mapper = new AttributeMapper(attributes);
        mapper.used.addAll(takenByReader);
        mapper.fill(Source.of(sources), builder);
    }

    /** One place a field may come from: a key, or (written {@code @label}) the custom field of that label. */
    private record Source(Field field, String name, boolean isLabel) {

        private static final Source[][] CEF = compile(FieldSources.CEF);
        private static final Source[][] LEEF = compile(FieldSources.LEEF);

        /** The sources in order, per field in order: read once per table, not per line. */
        static Source[][] of(Map<Field, List<String>> sources) {
            return sources == FieldSources.CEF ? CEF : sources == FieldSources.LEEF ? LEEF : compile(sources);
        }

        private static Source[][] compile(Map<Field, List<String>> sources) {
            return sources.entrySet().stream().map(entry -> entry.getValue().stream()
                    .map(source -> source.startsWith("@") ? new Source(entry.getKey(), source.substring(1), true)
                            : new Source(entry.getKey(), source, false))
                    .toArray(Source[]::new)).toArray(Source[][]::new);
        }
    }

    private void fill(Source[][] sources, Detection.Builder builder) {
        for (Source[] field : sources) {
            for (Source source : field) {
                if (take(source, builder)) {
                    break;
                }
            }
        }
        putExtras(builder);
    }

    private boolean take(Source source, Detection.Builder builder) {
        Field field = source.field();
        boolean isLabel = source.isLabel();
        String key = isLabel ? labelled.get(source.name()) : source.name();
        if (key == null || used.contains(key)) {
            return false;
        }
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return false;
        }
        if (isLabel && field == Field.THREAT_TYPE) {
            value = ThreatTypes.named(value);
        }
        if (!set(field, key, value, builder)) {
            return false;
        }
        used.add(key);
        if (isLabel) {
            used.add(key + LABEL_SUFFIX);
        }
        return true;
    }

    /** Converts and sets one field; false when the value is valid but means "no value" (direction 2). */
    private static boolean set(Field field, String key, String value, Detection.Builder builder) {
        switch (field) {
            case DEVICE_EXTERNAL_ID -> builder.deviceExternalId(value);
            case EVENT_NAME -> builder.eventName(value);
            case THREAT_TYPE -> builder.threatType(value);
            case THREAT_NAME -> builder.threatName(value);
            case RULE_ID -> builder.ruleId(value);
            case RULE_NAME -> builder.ruleName(value);
            case ACTION -> builder.action(value);
            case SOURCE_ADDRESS -> builder.sourceAddress(FieldValues.address(key, value));
            case SOURCE_HOST -> builder.sourceHost(value);
            case SOURCE_PORT -> builder.sourcePort(FieldValues.port(key, value));
            case SOURCE_MAC -> builder.sourceMac(value);
            case DESTINATION_ADDRESS -> builder.destinationAddress(FieldValues.address(key, value));
            case DESTINATION_HOST -> builder.destinationHost(value);
            case DESTINATION_PORT -> builder.destinationPort(FieldValues.port(key, value));
            case DESTINATION_MAC -> builder.destinationMac(value);
            case INTERESTED_ADDRESS -> builder.interestedAddress(FieldValues.address(key, value));
            case PEER_ADDRESS -> builder.peerAddress(FieldValues.address(key, value));
            case FILE_NAME -> builder.fileName(value);
            case FILE_HASH -> builder.fileHash(value);
            case URL -> builder.url(value);
            case ATTACK_PHASE -> builder.attackPhase(value);
            case COUNT -> builder.count(FieldValues.count(key, value));
            case DIRECTION -> {
                Direction direction = FieldValues.direction(key, value);
                if (direction == null) {
                    return false;
                }
                builder.direction(direction);
            }
            default -> throw new IllegalStateException("unmapped field " + field);
        }
        return true;
    }

    private void putExtras(Detection.Builder builder) {
        Map<String, String> storedUnder = labels.isEmpty() ? Map.of() : namesOfLabelledFields();
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            if (used.contains(key) || isLabelStoredAsName(key, storedUnder)) {
                continue;
            }
            builder.putExtra(storedUnder.getOrDefault(key, key), entry.getValue());
        }
    }

    /** Custom field key -> its label, unless the label clashes with a key of the line or an earlier label. */
    private Map<String, String> namesOfLabelledFields() {
        Map<String, String> names = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        for (String key : attributes.keySet()) {
            String label = labels.get(key);
            if (label != null && !used.contains(key) && !attributes.containsKey(label) && claimed.add(label)) {
                names.put(key, label);
            }
        }
        return names;
    }

    /** A {@code ...Label} key whose field is stored under that label already says all it has to say. */
    private static boolean isLabelStoredAsName(String key, Map<String, String> storedUnder) {
        return !storedUnder.isEmpty() && key.endsWith(LABEL_SUFFIX)
                && storedUnder.containsKey(key.substring(0, key.length() - LABEL_SUFFIX.length()));
    }

    static String normalised(String label) {
        StringBuilder out = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
