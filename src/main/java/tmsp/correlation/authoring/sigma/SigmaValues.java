package tmsp.correlation.authoring.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tmsp.correlation.Cidr;
import tmsp.correlation.SigmaText.Glob;

/**
 * One field item of a selection ({@code Field|modifier|all: value or list}) as a DRL boolean expression over a
 * {@code DetectionFact} property. Supported: equality (with Sigma wildcards), {@code contains}, {@code startswith},
 * {@code endswith}, {@code re}, {@code cidr}, and {@code all}; any other modifier is refused by name.
 */
final class SigmaValues {

    private static final Set<String> MATCHERS = Set.of("contains", "startswith", "endswith", "re", "cidr");
    /** A group or class that is quantified and holds a quantifier itself, e.g. (a+)+ or (\w*)*: may backtrack without end. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)\\s*[+*{]");
    private static final int MAX_REGEX = 1_000;

    private final FieldMapping mapping;
    private final List<String> problems;

    SigmaValues(FieldMapping mapping, List<String> problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    /** The expression, or null after recording why it cannot be had. */
    String item(String key, Object value, String where) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0];
        if (field.isEmpty()) {
            problems.add(where + ": keyword search ('" + key + "', a value without a field) is not supported");
            return null;
        }
        String matcher = null;
        boolean all = false;
        for (int i = 1; i < parts.length; i++) {
            String modifier = parts[i];
            if (modifier.equals("all")) {
                all = true;
            } else if (MATCHERS.contains(modifier) && matcher == null) {
                matcher = modifier;
            } else {
                problems.add(where + ", field '" + field + "': the modifier '" + modifier + "' is not supported"
                        + (MATCHERS.contains(modifier) ? " after '" + matcher + "'" : ""));
                return null;
            }
        }
        String property = mapping.property(field, where, problems);
        if (property == null) {
            return null;
        }
        List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(
                value == null ? NULL : value));
        if (values.isEmpty()) {
            problems.add(where + ", field '" + field + "': an empty list of values");
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (Object v : values) {
            String term = term(property, matcher, v == null ? NULL : v, where + ", field '" + field + "'");
            if (term == null) {
                return null;
            }
            terms.add(term);
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(all ? " && " : " || ", terms) + ")";
    }

    private static final Object NULL = new Object();

    private String term(String property, String matcher, Object value, String where) {
        if (value == NULL) {
            if (matcher != null || !DetectionFields.nullable(property)) {
                problems.add(where + ": null " + (matcher != null ? "with '" + matcher + "'" : "on '" + property
                        + "', which is never null") + " is not supported");
                return null;
            }
            return property + " == null";
        }
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Integer || value instanceof Long) {
            text = value.toString();
        } else {
            problems.add(where + ": a value of type " + typeName(value) + " is not supported (text or whole numbers)");
            return null;
        }
        if (DetectionFields.kind(property) == DetectionFields.Kind.NUMBER) {
            if (matcher != null || !text.matches("-?\\d{1,9}")) {
                problems.add(where + ": '" + property + "' is a number and takes only whole numbers by equality");
                return null;
            }
            return property + " == " + Long.parseLong(text);
        }
        if (matcher == null) {
            return wildcard(property, text, false, false, "is");
        }
        return switch (matcher) {
            case "contains" -> wildcard(property, text, true, true, "contains");
            case "startswith" -> wildcard(property, text, false, true, "startsWith");
            case "endswith" -> wildcard(property, text, true, false, "endsWith");
            case "re" -> regex(property, text, where);
            default -> cidr(property, text, where);
        };
    }

    /** A Sigma string with wildcards around it as asked; plain text when it has no wildcard of its own. */
    private static String wildcard(String property, String text, boolean anyBefore, boolean anyAfter, String plain) {
        Glob pattern = Glob.of(text);
        if (!pattern.hasWildcard()) {
            return "SigmaText." + plain + "(" + property + ", " + DrlText.literal(pattern.plain()) + ")";
        }
        String glob = (anyBefore ? "*" : "") + pattern.escaped() + (anyAfter ? "*" : "");
        return "SigmaText.like(" + property + ", " + DrlText.literal(glob) + ")";
    }

    private String regex(String property, String regex, String where) {
        if (regex.length() > MAX_REGEX) {
            problems.add(where + ": a regular expression longer than " + MAX_REGEX + " characters");
            return null;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(where + ": the regular expression does not compile: " + e.getDescription());
            return null;
        }
        if (NESTED_QUANTIFIER.matcher(regex).find()) {
            problems.add(where + ": the regular expression nests quantifiers (like (a+)+), which can take time "
                    + "without end");
            return null;
        }
        return "SigmaText.matches(" + property + ", " + DrlText.literal(regex) + ")";
    }

    private String cidr(String property, String range, String where) {
        try {
            Cidr.parse(range);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        return "Cidr.contains(" + DrlText.literal(range.strip()) + ", " + property + ")";
    }

    static String typeName(Object value) {
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Double || value instanceof java.math.BigInteger) {
            return "number " + value;
        }
        if (value instanceof java.util.Map) {
            return "map";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
