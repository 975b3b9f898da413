package tmsp.correlation.authoring.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tmsp.correlation.authoring.sigma.SigmaRule.Base;
import tmsp.correlation.authoring.sigma.SigmaRule.Correlation;
import tmsp.correlation.authoring.sigma.SigmaRule.Group;
import tmsp.correlation.authoring.sigma.SigmaRule.Metadata;
import tmsp.correlation.authoring.sigma.SigmaRule.Type;

/**
 * Turns a Sigma correlation rule file (the SigmaHQ correlation rules specification: a correlation rule and its base
 * detection rules as YAML documents of one file) into one DRL file: one rule per correlation rule. It supports the
 * subset described in docs/RULES.md and refuses anything else with a reason naming the construct and where it is,
 * rather than approximating it. Plain Java: the field mapping comes in as a map.
 */
public final class SigmaImport {

    /** The DRL file, its rule ids, and notes on what was read but has no effect (tags, log sources). */
    public record Result(String fileName, String drl, List<String> ruleIds, List<String> notes) {
    }

    private static final Set<String> CORRELATION_KEYS = Set.of("type", "rules", "group-by", "timespan", "condition",
            "aliases", "generate");
    private static final Set<String> CONDITION_KEYS = Set.of("gt", "gte", "lt", "lte", "eq", "field");
    private static final Set<String> MEANINGFUL_UNKNOWN = Set.of("filter", "action");
    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t(\\d{4})(?:\\.(\\d{3}))?");
    private static final Pattern TIMESPAN = Pattern.compile("(\\d{1,6})([smhd])");
    private static final long MAX_THRESHOLD = 10_000_000;
    private static final Map<String, String> TACTICS = tactics();

    private final FieldMapping mapping;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private SigmaImport(Map<String, String> mapping) {
        this.mapping = new FieldMapping(mapping);
    }

    /**
     * @param fieldMapping Sigma field names to {@code DetectionFact} properties
     * @throws SigmaRefused with every reason the file cannot be imported
     */
    public static Result convert(String yaml, Map<String, String> fieldMapping) {
        return new SigmaImport(fieldMapping).run(yaml);
    }

    private Result run(String yaml) {
        List<Map<String, Object>> documents = SigmaYaml.documents(yaml);
        Map<Integer, Base> bases = new LinkedHashMap<>();
        List<Integer> correlations = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Object> document = documents.get(i);
            String where = "document " + (i + 1) + " ('" + shortTitle(document) + "')";
            MEANINGFUL_UNKNOWN.stream().filter(document::containsKey).forEach(key ->
                    problems.add(where + ": '" + key + "' (a Sigma filter or an old meta rule) is not supported"));
            boolean correlation = document.containsKey("correlation");
            boolean detection = document.containsKey("detection");
            if (correlation && detection) {
                problems.add(where + ": a document with both 'correlation' and 'detection'");
            } else if (correlation) {
                correlations.add(i);
            } else if (detection) {
                Base base = base(document, where);
                if (base != null) {
                    bases.put(i, base);
                }
            } else {
                problems.add(where + ": neither a correlation nor a detection rule");
            }
        }
        if (correlations.isEmpty() && problems.isEmpty()) {
            problems.add("the file has no correlation rule");
        }
        List<Correlation> read = new ArrayList<>();
        Set<Integer> used = new LinkedHashSet<>();
        for (int i : correlations) {
            Correlation c = correlation(documents, i, bases, used);
            if (c != null) {
                read.add(c);
            }
        }
        bases.forEach((i, base) -> {
            if (!used.contains(i)) {
                notes.add("the base rule '" + base.label() + "' is not used by any correlation rule");
            }
        });
        if (!problems.isEmpty()) {
            throw new SigmaRefused(problems);
        }
        SigmaDrl.Output drl = SigmaDrl.of(read);
        if (!drl.problems().isEmpty()) {
            throw new SigmaRefused(drl.problems());
        }
        return new Result(drl.fileName(), drl.text(), drl.ruleIds(), List.copyOf(notes));
    }

    private Base base(Map<String, Object> document, String where) {
        if (document.get("logsource") != null) {
            notes.add(where + ": the log source is not checked: the rule matches every detection");
        }
        String expression = SigmaDetection.expression(document.get("detection"), mapping, problems, where);
        Metadata metadata = metadata(document, where, false);
        if (expression == null || metadata == null) {
            return null;
        }
        return new Base(text(document, "name", where), text(document, "id", where), metadata.title(), expression,
                metadata);
    }

    private Correlation correlation(List<Map<String, Object>> documents, int index, Map<Integer, Base> bases,
                                    Set<Integer> used) {
        Map<String, Object> document = documents.get(index);
        String where = "correlation '" + shortTitle(document) + "'";
        Metadata metadata = metadata(document, where, true);
        if (!(document.get("correlation") instanceof Map<?, ?> body)) {
            problems.add(where + ": 'correlation' must be a map");
            return null;
        }
        int before = problems.size();
        body.keySet().stream().map(String::valueOf).filter(k -> !CORRELATION_KEYS.contains(k))
                .forEach(k -> problems.add(where + ": the correlation key '" + k + "' is not supported"));
        Type type = type(body.get("type"), where);
        List<Base> rules = references(documents, body.get("rules"), bases, used, where);
        String timespan = timespan(body.get("timespan"), where);
        Map<String, Long> condition = condition(body.get("condition"), type, rules.size(), where);
        Object generate = body.get("generate");
        if (generate != null && !(generate instanceof Boolean)) {
            problems.add(where + ": 'generate' must be true or false");
        }
        if (problems.size() > before || metadata == null || type == null || rules.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> aliases = aliases(body.get("aliases"), where);
        List<Group> groups = groups(body.get("group-by"), aliases, rules, where);
        String valueField = null;
        String valueProperty = null;
        if (type == Type.VALUE_COUNT && body.get("condition") instanceof Map<?, ?> c) {
            valueField = c.get("field") instanceof String f ? f : null;
            if (valueField == null) {
                problems.add(where + ": value_count needs 'field' in its condition");
            } else if (aliases.containsKey(valueField)) {
                problems.add(where + ": an alias ('" + valueField + "') as the value_count field is not supported");
            } else {
                valueProperty = mapping.property(valueField, where + ", condition field", problems);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Correlation(metadata, type, rules, groups, timespan, condition, valueProperty, valueField,
                Boolean.TRUE.equals(generate));
    }

    private Type type(Object value, String where) {
        if (!(value instanceof String name)) {
            problems.add(where + ": the correlation type is missing");
            return null;
        }
        try {
            return Type.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": the correlation type '" + name + "' is not supported (event_count, "
                    + "value_count, temporal, temporal_ordered)");
            return null;
        }
    }

    private List<Base> references(List<Map<String, Object>> documents, Object value, Map<Integer, Base> bases,
                                  Set<Integer> used, String where) {
        List<Base> rules = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": 'rules' must list the rules it correlates");
            return rules;
        }
        for (Object reference : list) {
            if (!(reference instanceof String ref)) {
                problems.add(where + ": a rule reference must be a name or id, not " + SigmaValues.typeName(reference));
                continue;
            }
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                Object name = documents.get(i).get("name");
                Object id = documents.get(i).get("id");
                if (ref.equals(name) || id != null && ref.equals(String.valueOf(id))) {
                    matches.add(i);
                }
            }
            int found = matches.size() == 1 ? matches.get(0) : -1;
            if (matches.size() > 1) {
                problems.add(where + ": more than one rule of the file is named or numbered '" + ref + "'");
            } else if (found < 0) {
                problems.add(where + ": the rule '" + ref + "' is not in the file");
            } else if (documents.get(found).containsKey("correlation")) {
                problems.add(where + ": the rule '" + ref + "' is a correlation rule: chained correlations are not "
                        + "supported");
            } else if (bases.containsKey(found)) {
                if (rules.contains(bases.get(found))) {
                    problems.add(where + ": the rule '" + ref + "' is listed twice");
                }
                rules.add(bases.get(found));
                used.add(found);
            }
        }
        return rules;
    }

    private String timespan(Object value, String where) {
        if (!(value instanceof String text) || !TIMESPAN.matcher(text).matches()) {
            problems.add(where + ": the timespan '" + value + "' is not supported (a number and s, m, h or d)");
            return null;
        }
        Matcher m = TIMESPAN.matcher(text);
        m.matches();
        long seconds = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "s" -> 1L;
            case "m" -> 60L;
            case "h" -> 3_600L;
            default -> 86_400L;
        };
        if (seconds < 1 || seconds > 31 * 86_400L) {
            problems.add(where + ": the timespan '" + text + "' must lie between 1s and 31d");
            return null;
        }
        return text;
    }

    /** The comparisons; temporal without a condition means all its rules; temporal_ordered only takes all. */
    private Map<String, Long> condition(Object value, Type type, int ruleCount, String where) {
        Map<String, Long> condition = new LinkedHashMap<>();
        int before = problems.size();
        if (value == null) {
            if (type == Type.EVENT_COUNT || type == Type.VALUE_COUNT) {
                problems.add(where + ": " + type.name().toLowerCase(Locale.ROOT) + " needs a condition");
            }
            condition.put("gte", (long) ruleCount);
            return condition;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": the condition must be a map such as 'gte: 10'");
            return condition;
        }
        for (var entry : map.entrySet()) {
            String op = String.valueOf(entry.getKey());
            if (!CONDITION_KEYS.contains(op)) {
                problems.add(where + ": the condition '" + op + "' is not supported (gt, gte, lt, lte, eq)");
            } else if (op.equals("field")) {
                if (type != Type.VALUE_COUNT) {
                    problems.add(where + ": 'field' in the condition belongs to value_count only");
                }
            } else if (!(entry.getValue() instanceof Integer || entry.getValue() instanceof Long)
                    || ((Number) entry.getValue()).longValue() < 0
                    || ((Number) entry.getValue()).longValue() > MAX_THRESHOLD) {
                problems.add(where + ": the condition " + op + " needs a whole number from 0 to " + MAX_THRESHOLD);
            } else {
                condition.put(op, ((Number) entry.getValue()).longValue());
            }
        }
        boolean lower = condition.containsKey("gt") || condition.containsKey("gte");
        boolean upper = condition.containsKey("lt") || condition.containsKey("lte");
        boolean single = condition.size() == 1;
        boolean range = condition.size() == 2 && lower && upper;
        if (!single && !range && problems.size() == before) {
            problems.add(where + ": the condition must be one comparison or a range (gt or gte with lt or lte), not "
                    + condition.keySet());
        }
        if (type == Type.TEMPORAL_ORDERED && !(single && (Long.valueOf(ruleCount).equals(condition.get("gte"))
                || Long.valueOf(ruleCount).equals(condition.get("eq"))))) {
            problems.add(where + ": temporal_ordered takes no condition other than all of its " + ruleCount
                    + " rules");
        }
        return condition;
    }

    /** Alias name -> (rule name -> Sigma field). */
    private Map<String, Map<String, String>> aliases(Object value, String where) {
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (value == null) {
            return aliases;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": 'aliases' must be a map");
            return aliases;
        }
        for (var entry : map.entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> fields)
                    || !fields.entrySet().stream().allMatch(e -> e.getKey() instanceof String
                    && e.getValue() instanceof String)) {
                problems.add(where + ": the alias '" + entry.getKey() + "' must map rule names to field names");
                continue;
            }
            Map<String, String> byRule = new LinkedHashMap<>();
            fields.forEach((rule, field) -> byRule.put((String) rule, (String) field));
            aliases.put(String.valueOf(entry.getKey()), byRule);
        }
        return aliases;
    }

    private List<Group> groups(Object value, Map<String, Map<String, String>> aliases, List<Base> rules,
                               String where) {
        List<Group> groups = new ArrayList<>();
        List<?> names = value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
        for (Object item : names) {
            if (!(item instanceof String name)) {
                problems.add(where + ": a group-by field must be a name");
                continue;
            }
            List<String> properties = new ArrayList<>();
            for (Base rule : rules) {
                String field = name;
                if (aliases.containsKey(name)) {
                    field = rule.name() == null ? null : aliases.get(name).get(rule.name());
                    if (field == null) {
                        problems.add(where + ": the alias '" + name + "' names no field for the rule '" + rule.label()
                                + "'");
                        continue;
                    }
                }
                String property = mapping.property(field, where + ", group-by '" + name + "'", problems);
                if (property != null) {
                    properties.add(property);
                }
            }
            if (properties.size() != rules.size()) {
                continue;
            }
            Set<String> types = new LinkedHashSet<>();
            properties.forEach(p -> types.add(DetectionFields.javaType(p)));
            if (types.size() != 1 || !Set.of("String", "Integer").containsAll(types)) {
                problems.add(where + ": the group-by field '" + name + "' must be text or a port in every rule, not "
                        + properties);
                continue;
            }
            groups.add(new Group(name, properties, types.iterator().next()));
        }
        aliases.keySet().stream().filter(a -> !names.contains(a))
                .forEach(a -> notes.add(where + ": the alias '" + a + "' is not used in group-by"));
        return groups;
    }

    private Metadata metadata(Map<String, Object> document, String where, boolean correlation) {
        int before = problems.size();
        String name = text(document, "name", where);
        String id = text(document, "id", where);
        String title = text(document, "title", where);
        if ((title == null || title.isBlank()) && !correlation) {
            title = name != null ? name : id; // the specification's alias example has base rules without a title
        }
        if (title == null || title.isBlank()) {
            problems.add(where + ": the title is missing");
        }
        String level = text(document, "level", where);
        if (level != null && !LEVELS.contains(level)) {
            problems.add(where + ": the level '" + level + "' is not one of " + LEVELS);
        }
        if (level == null && correlation) {
            notes.add(where + ": no level, so its severity is medium");
        }
        List<String> attack = new ArrayList<>();
        List<String> tactics = new ArrayList<>();
        for (String tag : texts(document, "tags", where)) {
            Matcher t = TECHNIQUE.matcher(tag.toLowerCase(Locale.ROOT));
            if (t.matches()) {
                attack.add("T" + t.group(1) + (t.group(2) == null ? "" : "." + t.group(2)));
            } else if (TACTICS.containsKey(tag.toLowerCase(Locale.ROOT))) {
                tactics.add(TACTICS.get(tag.toLowerCase(Locale.ROOT)));
            } else {
                notes.add(where + ": the tag '" + tag + "' is not carried over");
            }
        }
        String description = text(document, "description", where);
        String falsePositives = String.join("; ", texts(document, "falsepositives", where));
        if (problems.size() > before) {
            return null;
        }
        String slug = slug(name != null ? name : id != null ? id : title);
        return new Metadata(slug, title.strip(), level != null ? level : correlation ? "medium" : "informational",
                attack, tactics, description == null ? "" : description, falsePositives);
    }

    /** {@code sigma-} and the name in lower case with dashes, short enough for the suffixes of helper rules. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return "sigma-" + (slug.isEmpty() ? "rule" : slug);
    }

    private String text(Map<String, Object> document, String key, String where) {
        Object value = document.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        problems.add(where + ": '" + key + "' must be text, not " + SigmaValues.typeName(value));
        return null;
    }

    private List<String> texts(Map<String, Object> document, String key, String where) {
        Object value = document.get(key);
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                problems.add(where + ": '" + key + "' must list text, not " + SigmaValues.typeName(item));
            }
        }
        return out;
    }

    private static String shortTitle(Map<String, Object> document) {
        String title = String.valueOf(document.getOrDefault("title", document.getOrDefault("name", "untitled")));
        return title.length() > 60 ? title.substring(0, 57) + "..." : title;
    }

    private static Map<String, String> tactics() {
        Map<String, String> tactics = new LinkedHashMap<>();
        for (String name : List.of("Reconnaissance", "Resource Development", "Initial Access", "Execution",
                "Persistence", "Privilege Escalation", "Defense Evasion", "Credential Access", "Discovery",
                "Lateral Movement", "Collection", "Command and Control", "Exfiltration", "Impact")) {
            tactics.put("attack." + name.toLowerCase(Locale.ROOT).replace(' ', '_'), name);
        }
        return Map.copyOf(tactics);
    }
}
