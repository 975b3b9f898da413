package tmsp.correlation.authoring.sigma;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tmsp.correlation.DetectionFact;

/**
 * The {@link DetectionFact} properties a Sigma field may be mapped to, with their types, read from the fact's getters
 * so the list cannot drift from the model. Identity and time ({@code id}, {@code accountId}, {@code productId},
 * {@code timestamp}, {@code eventTime}) are left out: a Sigma rule does not match on them.
 */
public final class DetectionFields {

    /** How a property is compared: text with Sigma's string matching, or a whole number by equality. */
    public enum Kind { TEXT, NUMBER }

    private static final Set<String> LEFT_OUT = Set.of("id", "accountId", "productId", "timestamp", "eventTime",
            "class");

    private static final Map<String, Kind> FIELDS = read();

    private DetectionFields() {
    }

    private static Map<String, Kind> read() {
        Map<String, Kind> fields = new TreeMap<>();
        for (Method m : DetectionFact.class.getMethods()) {
            if (!m.getName().startsWith("get") || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            Class<?> type = m.getReturnType();
            if (LEFT_OUT.contains(name)) {
                continue;
            }
            if (type == String.class) {
                fields.put(name, Kind.TEXT);
            } else if (type == Integer.class || type == int.class || type == long.class) {
                fields.put(name, Kind.NUMBER);
            }
        }
        return Map.copyOf(fields);
    }

    /** Every mappable property, sorted by name. */
    public static Map<String, Kind> all() {
        return new TreeMap<>(FIELDS);
    }

    public static boolean exists(String property) {
        return FIELDS.containsKey(property);
    }

    public static Kind kind(String property) {
        return FIELDS.get(property);
    }

    /** Whether the property can be null (a wrapper or text), so {@code field: null} can be matched. */
    static boolean nullable(String property) {
        try {
            return !DetectionFact.class.getMethod(getter(property)).getReturnType().isPrimitive();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static String getter(String property) {
        return "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    /** The declared-type field type for grouping by the property. */
    static String javaType(String property) {
        try {
            Class<?> type = DetectionFact.class.getMethod(getter(property)).getReturnType();
            return type == String.class ? "String" : type == Integer.class ? "Integer" : type.getName();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(property);
        }
    }
}
