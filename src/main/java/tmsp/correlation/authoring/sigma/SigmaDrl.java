package tmsp.correlation.authoring.sigma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tmsp.correlation.authoring.sigma.SigmaRule.Base;
import tmsp.correlation.authoring.sigma.SigmaRule.Correlation;
import tmsp.correlation.authoring.sigma.SigmaRule.Group;
import tmsp.correlation.authoring.sigma.SigmaRule.Metadata;
import tmsp.correlation.authoring.sigma.SigmaRule.Type;

/**
 * Writes correlation rules as DRL the way the shipped rules are written (docs/RULES.md): per correlation a declared
 * anchor fact per account and group, inserted by one anchor rule per base rule, and the correlation rule hanging
 * its window accumulates on that anchor, with the timespan and the thresholds as parameters an analyst can tune.
 */
final class SigmaDrl {

    record Output(String fileName, String text, List<String> ruleIds, List<String> problems) {
    }

    private static final Map<String, String> OPERATORS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=",
            "eq", "==");
    private static final Map<String, String> PARAMETERS = Map.of("gt", "above", "gte", "atLeast", "lt", "below",
            "lte", "atMost", "eq", "exactly");

    private final StringBuilder out = new StringBuilder();
    private final List<String> ruleIds = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> ruleNames = new HashSet<>();

    private SigmaDrl() {
    }

    static Output of(List<Correlation> correlations) {
        return new SigmaDrl().write(correlations);
    }

    private Output write(List<Correlation> correlations) {
        String first = correlations.get(0).metadata().ruleId();
        out.append("package tmsp.rules.").append(first.replace('-', '_')).append("\n\n")
                .append("import tmsp.correlation.DetectionFact\nimport tmsp.correlation.SigmaText\n")
                .append("import tmsp.correlation.Cidr\nimport java.util.ArrayList\nimport java.util.List\n\n")
                .append("global tmsp.correlation.RaisedIncidents incidents\n\n")
                .append("// Imported from a Sigma correlation rule file (see docs/RULES.md, \"Importing Sigma correlation rules\").\n\n");
        if (correlations.stream().anyMatch(c -> c.type() == Type.TEMPORAL_ORDERED)) {
            out.append("""
                    // True when each list holds a detection strictly later than one of the list before it.
                    function boolean inOrder(List stages) {
                        long after = Long.MIN_VALUE;
                        for (Object stage : stages) {
                            long next = Long.MAX_VALUE;
                            for (Object o : (List) stage) {
                                long t = ((DetectionFact) o).getTimestamp();
                                if (t > after && t < next) {
                                    next = t;
                                }
                            }
                            if (next == Long.MAX_VALUE) {
                                return false;
                            }
                            after = next;
                        }
                        return true;
                    }

                    """);
        }
        Set<Base> standalone = new LinkedHashSet<>();
        for (int k = 0; k < correlations.size(); k++) {
            Correlation c = correlations.get(k);
            correlation(c, "SigmaGroup" + (k + 1));
            if (c.generate()) {
                standalone.addAll(c.rules());
            }
        }
        standalone.forEach(this::standalone);
        Set<String> seen = new HashSet<>();
        ruleIds.stream().filter(id -> !seen.add(id)).distinct()
                .forEach(id -> problems.add("two rules of the file would have the id '" + id + "'"));
        String fileName = (first.length() > 61 ? first.substring(0, 61) : first) + ".drl";
        return new Output(fileName, out.toString(), List.copyOf(ruleIds), List.copyOf(problems));
    }

    private void correlation(Correlation c, String anchor) {
        out.append("declare ").append(anchor).append("\n    accountId : long @key\n");
        for (int g = 0; g < c.groups().size(); g++) {
            out.append("    g").append(g + 1).append(" : ").append(c.groups().get(g).javaType()).append(" @key\n");
        }
        out.append("end\n\n");
        for (int i = 0; i < c.rules().size(); i++) {
            anchorRule(c, anchor, i);
        }
        Metadata m = c.metadata();
        List<String> params = new ArrayList<>(List.of("window=" + c.timespan()));
        if (c.type() != Type.TEMPORAL_ORDERED) {
            c.condition().keySet().forEach(op -> params.add(PARAMETERS.get(op) + "=" + c.condition().get(op)));
        }
        header(m.title(), m, params);
        out.append("    ").append(anchor).append("( $a : accountId");
        for (int g = 0; g < c.groups().size(); g++) {
            out.append(", $g").append(g + 1).append(" : g").append(g + 1);
        }
        out.append(" )\n");
        if (c.type() == Type.EVENT_COUNT || c.type() == Type.VALUE_COUNT) {
            counting(c);
        } else {
            temporal(c);
        }
        out.append("end\n\n");
    }

    private void anchorRule(Correlation c, String anchor, int i) {
        String id = c.metadata().ruleId() + (c.rules().size() == 1 ? "" : "-" + (i + 1)) + "-anchor";
        ruleIds.add(id);
        out.append("rule ").append(ruleName(c.metadata().title() + " (group seen"
                + (c.rules().size() == 1 ? "" : ", rule " + (i + 1)) + ")")).append("\n")
                .append("    @id(\"").append(id).append("\") @severity(\"informational\")\nwhen\n")
                .append("    DetectionFact( ").append(c.rules().get(i).expression()).append(", $a : accountId");
        for (int g = 0; g < c.groups().size(); g++) {
            out.append(", $g").append(g + 1).append(" : ").append(c.groups().get(g).properties().get(i))
                    .append(" != null");
        }
        out.append(" )\n    not ").append(anchor).append("( accountId == $a");
        for (int g = 0; g < c.groups().size(); g++) {
            out.append(", g").append(g + 1).append(" == $g").append(g + 1);
        }
        out.append(" )\nthen\n    insert(new ").append(anchor).append("($a");
        for (int g = 0; g < c.groups().size(); g++) {
            out.append(", $g").append(g + 1);
        }
        out.append("));\nend\n\n");
    }

    /** The detections of rule {@code i} in the anchor's group: its expression and its group properties. */
    private static String match(Correlation c, int i) {
        StringBuilder match = new StringBuilder("(").append(c.rules().get(i).expression()).append(")");
        for (int g = 0; g < c.groups().size(); g++) {
            match.append(" && ").append(c.groups().get(g).properties().get(i)).append(" == $g").append(g + 1);
        }
        return match.toString();
    }

    private void counting(Correlation c) {
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < c.rules().size(); i++) {
            matches.add(c.rules().size() == 1 ? match(c, i) : "(" + match(c, i) + ")");
        }
        boolean values = c.type() == Type.VALUE_COUNT;
        out.append("    accumulate(\n        $d : DetectionFact( accountId == $a, ")
                .append(values && DetectionFields.nullable(c.valueProperty()) ? c.valueProperty() + " != null, " : "").append(String.join(" || ", matches))
                .append(" )\n             over window:time( ${window} );\n        $evidence : collectList( $d )");
        if (values) {
            out.append(",\n        $values : collectSet( $d.").append(DetectionFields.getter(c.valueProperty()))
                    .append("() )");
        }
        String count = values ? "$values.size()" : "$evidence.size()";
        out.append(";\n        ").append(comparisons(count, c)).append(" )\nthen\n");
        String amount = values ? "$values.size() + \" values of \" + " + DrlText.literal(c.valueField())
                : "$evidence.size() + \" events\"";
        out.append("    incidents.raise(kcontext, ").append(grouping(c)).append(",\n            ")
                .append(DrlText.literal(c.metadata().title() + ": ")).append(" + ").append(grouping(c))
                .append(" + \" (\" + ").append(amount).append(" + \")\", $evidence);\n");
    }

    private void temporal(Correlation c) {
        List<String> lists = new ArrayList<>();
        for (int i = 0; i < c.rules().size(); i++) {
            String list = "$e" + (i + 1);
            lists.add(list);
            out.append("    accumulate( $d").append(i + 1).append(" : DetectionFact( accountId == $a, ")
                    .append(match(c, i)).append(" )\n                over window:time( ${window} ); ").append(list)
                    .append(" : collectList( $d").append(i + 1).append(" ) )\n");
        }
        if (c.type() == Type.TEMPORAL_ORDERED) {
            out.append("    eval( inOrder(List.of(").append(String.join(", ", lists)).append(")) )\n");
        } else {
            String matched = "(" + String.join(" + ", lists.stream().map(l -> "(" + l + ".isEmpty() ? 0 : 1)")
                    .toList()) + ")";
            out.append("    eval( ").append(comparisons(matched, c)).append(" )\n");
        }
        out.append("then\n    List evidence = new ArrayList();\n");
        lists.forEach(l -> out.append("    evidence.addAll(").append(l).append(");\n"));
        out.append("    incidents.raise(kcontext, ").append(grouping(c)).append(", ")
                .append(DrlText.literal(c.metadata().title() + ": ")).append(" + ").append(grouping(c))
                .append(", evidence);\n");
    }

    private void standalone(Base base) {
        Metadata m = base.metadata();
        header(m.title(), m, List.of());
        out.append("    $d : DetectionFact( ").append(base.expression()).append(" )\nthen\n")
                .append("    incidents.raise(kcontext, $d.getHost() != null ? $d.getHost() : ")
                .append(DrlText.literal(m.title())).append(", ").append(DrlText.literal(m.title()))
                .append(", List.of($d));\nend\n\n");
    }

    private void header(String title, Metadata m, List<String> params) {
        ruleIds.add(m.ruleId());
        out.append("rule ").append(ruleName(title)).append("\n    @id(\"").append(m.ruleId()).append("\")\n")
                .append("    @severity(\"").append(m.severity()).append("\")\n");
        if (!m.attack().isEmpty()) {
            out.append("    @attack(\"").append(String.join(", ", m.attack())).append("\")\n");
        }
        if (!m.tactics().isEmpty()) {
            out.append("    @tactics(\"").append(String.join(", ", m.tactics())).append("\")\n");
        }
        if (!m.description().isBlank()) {
            out.append("    @description(\"").append(DrlText.metadata(m.description(), 2_000)).append("\")\n");
        }
        if (!m.falsePositives().isBlank()) {
            out.append("    @falsePositives(\"").append(DrlText.metadata(m.falsePositives(), 1_000)).append("\")\n");
        }
        if (!params.isEmpty()) {
            out.append("    @params(\"").append(String.join(", ", params)).append("\")\n");
        }
        out.append("when\n");
    }

    private String comparisons(String count, Correlation c) {
        List<String> parts = new ArrayList<>();
        c.condition().forEach((op, value) -> parts.add(count + " " + OPERATORS.get(op) + " ${" + PARAMETERS.get(op)
                + "}"));
        return String.join(" && ", parts);
    }

    private static String grouping(Correlation c) {
        if (c.groups().isEmpty()) {
            return DrlText.literal(c.metadata().title());
        }
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < c.groups().size(); g++) {
            parts.add("String.valueOf($g" + (g + 1) + ")");
        }
        return String.join(" + \" / \" + ", parts);
    }

    /** A quoted rule name, unique in the file. */
    private String ruleName(String title) {
        String name = DrlText.metadata(title, 200);
        String unique = name;
        for (int n = 2; !ruleNames.add(unique); n++) {
            unique = name + " (" + n + ")";
        }
        return "\"" + unique + "\"";
    }
}
