package tmsp.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each rule's metadata from a DRL file and puts its parameters' values in place of its {@code ${name}}
 * placeholders, before the DRL compiler sees it. Overrides are keyed {@code ruleId.parameter}.
 */
final class RuleTemplate {

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern META = Pattern.compile("@(\\w+)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** The expanded DRL and the rules it holds. */
    record Expanded(String drl, List<RuleDefinition> rules) {
    }

    private RuleTemplate() {
    }

    /**
     * @throws RuleCompilationException naming file and line of every missing metadata, bad parameter default,
     *                                  unknown placeholder or bad override
     */
    static Expanded expand(String file, String drl, Map<String, String> overrides) {
        List<String> errors = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        while (i < lines.length) {
            Matcher start = RULE_START.matcher(lines[i]);
            if (!start.find()) {
                placeholdersOutsideRules(file, i, lines[i], errors);
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                i++;
                continue;
            }
            int end = i;
            while (end < lines.length - 1 && !RULE_END.matcher(lines[end]).matches()) {
                end++;
            }
            String block = String.join("\n", Arrays.copyOfRange(lines, i, end + 1));
            RuleDefinition rule = definition(file, i + 1, unquote(start.group(1)), block, overrides, errors);
            if (rule != null) {
                rules.add(rule);
                block = substitute(file, i + 1, block, rule, errors);
            }
            out.append(block).append(end < lines.length - 1 ? "\n" : "");
            i = end + 1;
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return new Expanded(out.toString(), rules);
    }

    private static RuleDefinition definition(String file, int line, String name, String block,
                                             Map<String, String> overrides, List<String> errors) {
        Map<String, String> meta = new LinkedHashMap<>();
        String header = block.contains("\nwhen") ? block.substring(0, block.indexOf("\nwhen")) : block;
        Matcher m = META.matcher(header);
        while (m.find()) {
            meta.put(m.group(1), m.group(2).replace("\\\"", "\""));
        }
        String at = file + ":" + line + ": rule \"" + name + "\"";
        String id = meta.get("id");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(at + " needs @id(\"...\"): lower-case letters, digits and dashes");
            return null;
        }
        String severity = meta.get("severity");
        if (!RuleDefinition.SEVERITIES.contains(severity)) {
            errors.add(at + " needs @severity(...) of " + RuleDefinition.SEVERITIES);
            return null;
        }
        List<RuleParameter> parameters = new ArrayList<>();
        for (String pair : split(meta.getOrDefault("params", ""))) {
            int eq = pair.indexOf('=');
            try {
                if (eq < 1) {
                    throw new IllegalArgumentException("'" + pair + "' is not name=value");
                }
                String key = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                RuleParameter p = new RuleParameter(key, RuleParameter.typeOf(key, value), value, value);
                String override = overrides.get(id + "." + key);
                parameters.add(override == null ? p : p.with(override));
            } catch (IllegalArgumentException e) {
                errors.add(at + " @params: " + e.getMessage());
            }
        }
        return new RuleDefinition(id, name, file, line, severity, split(meta.getOrDefault("attack", "")),
                split(meta.getOrDefault("tactics", "")), meta.getOrDefault("description", ""),
                meta.getOrDefault("falsePositives", ""), List.copyOf(parameters));
    }

    private static String substitute(String file, int line, String block, RuleDefinition rule, List<String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        rule.parameters().forEach(p -> values.put(p.name(), p.value()));
        Matcher m = PLACEHOLDER.matcher(block);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                int at = line + (int) block.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                errors.add(file + ":" + at + ": rule \"" + rule.name() + "\" uses ${" + m.group(1)
                        + "}, which its @params does not define");
                value = "0";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void placeholdersOutsideRules(String file, int index, String line, List<String> errors) {
        Matcher m = PLACEHOLDER.matcher(line);
        if (m.find() && !line.strip().startsWith("//")) {
            errors.add(file + ":" + (index + 1) + ": ${" + m.group(1) + "} outside a rule");
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
