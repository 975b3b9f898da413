package tmsp.correlation.authoring.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A base rule's {@code detection} as one DRL boolean expression over {@code DetectionFact}: its selections (a map of
 * field items joined by AND, or a list of such maps joined by OR) combined by its {@code condition} (and, or, not,
 * parentheses, {@code 1 of}/{@code all of} a name pattern or {@code them}). Aggregations ({@code |}), {@code near},
 * {@code timeframe}, keyword lists and {@code N of} other than 1 are refused.
 */
final class SigmaDetection {

    static final int MAX_DEPTH = 30;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-*]+");

    private final SigmaValues values;
    private final List<String> problems;
    private final String where;
    private final Map<String, String> selections = new LinkedHashMap<>();
    private List<String> tokens;
    private int at;

    private SigmaDetection(FieldMapping mapping, List<String> problems, String where) {
        this.values = new SigmaValues(mapping, problems);
        this.problems = problems;
        this.where = where;
    }

    /** The expression, or null with the reasons added to {@code problems}. */
    static String expression(Object detection, FieldMapping mapping, List<String> problems, String where) {
        return new SigmaDetection(mapping, problems, where).read(detection);
    }

    private String read(Object detection) {
        if (!(detection instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add(where + ": 'detection' must be a map of selections and a condition");
            return null;
        }
        int before = problems.size();
        Object condition = null;
        for (var entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("condition")) {
                condition = entry.getValue();
            } else if (name.equals("timeframe")) {
                problems.add(where + ": 'timeframe' in a detection (an old aggregation) is not supported");
            } else if (!NAME.matcher(name).matches() || name.contains("*")) {
                problems.add(where + ": the selection name '" + name + "' is not supported");
            } else {
                String expression = selection(name, entry.getValue());
                if (expression != null) {
                    selections.put(name, expression);
                }
            }
        }
        if (condition == null) {
            problems.add(where + ": the detection has no condition");
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> alternatives = new ArrayList<>();
        for (Object c : condition instanceof List<?> list ? list : List.of(condition)) {
            if (!(c instanceof String text)) {
                problems.add(where + ": a condition of type " + SigmaValues.typeName(c) + " (it must be text)");
                return null;
            }
            String expression = condition(text);
            if (expression == null) {
                return null;
            }
            alternatives.add(expression);
        }
        if (alternatives.isEmpty()) {
            problems.add(where + ": the condition list is empty");
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" || ", alternatives) + ")";
    }

    private String selection(String name, Object body) {
        String at = where + ", selection '" + name + "'";
        if (body instanceof Map<?, ?> map) {
            return fields(map, at);
        }
        if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
            List<String> alternatives = new ArrayList<>();
            for (Object item : list) {
                String expression = fields((Map<?, ?>) item, at);
                if (expression == null) {
                    return null;
                }
                alternatives.add(expression);
            }
            return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" || ", alternatives) + ")";
        }
        if (body instanceof List<?>) {
            problems.add(at + ": keyword search (a list of values without a field) is not supported");
        } else {
            problems.add(at + ": a selection must be a map of fields or a list of maps, not "
                    + (body == null ? "empty" : SigmaValues.typeName(body)));
        }
        return null;
    }

    private String fields(Map<?, ?> map, String at) {
        if (map.isEmpty()) {
            problems.add(at + ": an empty map");
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (var entry : map.entrySet()) {
            String term = values.item(String.valueOf(entry.getKey()), entry.getValue(), at);
            if (term == null) {
                return null;
            }
            terms.add(term);
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" && ", terms) + ")";
    }

    // The condition: or < and < not < "x of" < parentheses (the Sigma specification's precedence).

    private String condition(String text) {
        if (text.length() > 4_096) {
            problems.add(where + ": the condition is longer than 4096 characters");
            return null;
        }
        if (text.contains("|")) {
            problems.add(where + ": an aggregation in the condition ('|') is not supported: use a correlation rule");
            return null;
        }
        tokens = new ArrayList<>(List.of(text.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+")));
        at = 0;
        try {
            String expression = or(0);
            if (at < tokens.size()) {
                throw new Refusal("unexpected '" + tokens.get(at) + "'");
            }
            return expression;
        } catch (Refusal r) {
            problems.add(where + ", condition '" + text + "': " + r.getMessage());
            return null;
        }
    }

    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private String or(int depth) {
        List<String> terms = new ArrayList<>(List.of(and(depth)));
        while (peek("or")) {
            at++;
            terms.add(and(depth));
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" || ", terms) + ")";
    }

    private String and(int depth) {
        List<String> terms = new ArrayList<>(List.of(not(depth)));
        while (peek("and")) {
            at++;
            terms.add(not(depth));
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" && ", terms) + ")";
    }

    private String not(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Refusal("nested deeper than " + MAX_DEPTH);
        }
        if (peek("not")) {
            at++;
            return "!(" + not(depth + 1) + ")";
        }
        return primary(depth);
    }

    private String primary(int depth) {
        String token = next();
        if (token.equals("(")) {
            String inner = or(depth + 1);
            if (at >= tokens.size() || !next().equals(")")) {
                throw new Refusal("a '(' is not closed");
            }
            return inner;
        }
        if (peek("of")) {
            at++;
            return quantified(token, next());
        }
        if (List.of(")", "and", "or", "not", "of", "them").contains(token)) {
            throw new Refusal("unexpected '" + token + "'");
        }
        if (token.equals("near")) {
            throw new Refusal("'near' is not supported");
        }
        String selection = selections.get(token);
        if (selection == null) {
            throw new Refusal("no selection is named '" + token + "'");
        }
        return selection;
    }

    private String quantified(String count, String target) {
        if (!count.equals("1") && !count.equals("all")) {
            throw new Refusal("'" + count + " of' is not supported (only '1 of' and 'all of')");
        }
        if (!NAME.matcher(target).matches()) {
            throw new Refusal("'" + target + "' is not a selection name pattern");
        }
        List<String> matched = new ArrayList<>();
        Pattern pattern = Pattern.compile(Pattern.quote(target).replace("*", "\\E.*\\Q"));
        selections.forEach((name, expression) -> {
            boolean chosen = target.equals("them") ? !name.startsWith("_") : pattern.matcher(name).matches();
            if (chosen) {
                matched.add(expression);
            }
        });
        if (matched.isEmpty()) {
            throw new Refusal("'" + count + " of " + target + "' matches no selection");
        }
        return matched.size() == 1 ? matched.get(0)
                : "(" + String.join(count.equals("1") ? " || " : " && ", matched) + ")";
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).equals(word);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new Refusal("it ends too early");
        }
        return tokens.get(at++);
    }
}
