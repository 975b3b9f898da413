package tmsp.correlation;

import java.time.Duration;
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
 *
 * <p>It also finds how long detections must stay in a session for these rules: the longest window parameter,
 * leaving out those used only as {@code over window:time(${name})} of a pattern on another type (a derived fact,
 * such as a host's attack phase kept for a day). Every {@code window:time} must be a parameter.
 */
final class RuleTemplate {

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern META = Pattern.compile("@(\\w+)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern WINDOW = Pattern.compile("over\\s+window:(time|length)\\s*\\(\\s*([^)]*?)\\s*\\)");
    private static final String DETECTION_TYPE = "DetectionFact";

    /** The expanded DRL, the rules it holds and how long their detections must stay in a session. */
    record Expanded(String drl, List<RuleDefinition> rules, Duration detectionWindow) {
    }

    private RuleTemplate() {
    }

    /**
     * @throws RuleCompilationException naming file and line of every missing metadata, bad parameter default,
     *                                  unknown placeholder or bad override
     */
    static Expanded expand(String file, String drl, Map<String, String> overrides) {
        return expand(file, drl, overrides, null);
    }

    /**
     * As {@link #expand(String, String, Map)}, and leaves out every window over detections exactly as long as
     * {@code detectionLifetime}: the detections' {@code @expires} removes them at the same time, and a window
     * node costs a timer and a second removal per detection.
     */
    static Expanded expand(String file, String drl, Map<String, String> overrides, Duration detectionLifetime) {
        List<String> errors = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        StringBuilder out = new StringBuilder(drl.length());
        Duration detectionWindow = Duration.ZERO;
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
                Duration window = detectionWindow(file, i + 1, block, rule, errors);
                detectionWindow = window.compareTo(detectionWindow) > 0 ? window : detectionWindow;
                if (detectionLifetime != null) {
                    block = withoutLifetimeWindows(block, rule, detectionLifetime);
                }
                block = substitute(file, i + 1, block, rule, errors);
            }
            out.append(block).append(end < lines.length - 1 ? "\n" : "");
            i = end + 1;
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return new Expanded(out.toString(), rules, detectionWindow);
    }

    /**
     * The longest of the rule's window parameters that detections are matched over: every duration parameter
     * except one whose every use is the window of a pattern on another type. Refuses a window that is not a
     * parameter, which would otherwise outlive the detections unnoticed.
     */
    private static Duration detectionWindow(String file, int line, String block, RuleDefinition rule,
                                            List<String> errors) {
        Map<String, Boolean> derivedOnly = new LinkedHashMap<>();
        Matcher w = WINDOW.matcher(block);
        while (w.find()) {
            Matcher p = PLACEHOLDER.matcher(w.group(2));
            if (!w.group(1).equals("time") || !p.matches()) {
                errors.add(file + ":" + lineAt(line, block, w.start()) + ": rule \"" + rule.name()
                        + "\" must write its window as window:time(${name}) with a duration parameter, not '"
                        + w.group() + "'");
                continue;
            }
            boolean derived = !DETECTION_TYPE.equals(patternTypeBefore(block, w.start()));
            derivedOnly.merge(p.group(1), derived, Boolean::logicalAnd);
        }
        Matcher all = PLACEHOLDER.matcher(block);
        while (all.find()) {
            if (!insideWindow(block, all.start())) {
                derivedOnly.put(all.group(1), false);
            }
        }
        return rule.parameters().stream()
                .filter(p -> p.type() == RuleParameter.Type.DURATION)
                .filter(p -> !derivedOnly.getOrDefault(p.name(), false))
                .map(RuleParameter::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static String withoutLifetimeWindows(String block, RuleDefinition rule, Duration lifetime) {
        Map<String, Duration> durations = new LinkedHashMap<>();
        rule.parameters().stream().filter(p -> p.type() == RuleParameter.Type.DURATION)
                .forEach(p -> durations.put(p.name(), p.duration()));
        StringBuilder out = new StringBuilder();
        Matcher w = WINDOW.matcher(block);
        while (w.find()) {
            Matcher p = PLACEHOLDER.matcher(w.group(2));
            boolean drop = w.group(1).equals("time") && p.matches() && lifetime.equals(durations.get(p.group(1)))
                    && DETECTION_TYPE.equals(patternTypeBefore(block, w.start()));
            w.appendReplacement(out, Matcher.quoteReplacement(drop ? "" : w.group()));
        }
        w.appendTail(out);
        return out.toString();
    }

    private static boolean insideWindow(String block, int at) {
        int open = block.lastIndexOf("window:time", at);
        return open >= 0 && block.indexOf(')', open) > at && !block.substring(open, at).contains(")");
    }

    /**
     * The simple name of the type whose pattern ends just before {@code at} ({@code Type( ... ) over ...}), or
     * null when it cannot be told: then the window counts as one over detections, the safe side.
     */
    static String patternTypeBefore(String block, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(block.charAt(i))) {
            i--;
        }
        if (i < 0 || block.charAt(i) != ')') {
            return null;
        }
        int depth = 0;
        boolean quoted = false;
        for (; i >= 0; i--) {
            char c = block.charAt(i);
            if (c == '"' && (i == 0 || block.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == ')') {
                depth++;
            } else if (!quoted && c == '(' && --depth == 0) {
                break;
            }
        }
        int end = i;
        while (end > 0 && Character.isWhitespace(block.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isJavaIdentifierPart(block.charAt(start - 1)) || block.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == end) {
            return null;
        }
        String type = block.substring(start, end);
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static int lineAt(int line, String block, int offset) {
        return line + (int) block.substring(0, offset).chars().filter(c -> c == '\n').count();
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
                int at = lineAt(line, block, m.start());
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
