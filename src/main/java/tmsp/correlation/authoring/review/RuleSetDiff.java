package tmsp.correlation.authoring.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.correlation.authoring.RuleSetStore;

/**
 * What changes between two rule set versions: DRL files added, removed or changed (each with its line hunks),
 * parameter values (a missing value is the rule's default), and exceptions added or removed. Two exceptions are the
 * same when rule, kind, pattern, end date and comment are: their ids differ between a version and its copy.
 */
public record RuleSetDiff(List<FileChange> files, List<ParameterChange> parameters,
                          List<RuleException> exceptionsAdded, List<RuleException> exceptionsRemoved) {

    /** The content of one side. */
    public record Side(Map<String, String> files, Map<String, String> overrides, List<RuleException> exceptions) {

        public static final Side EMPTY = new Side(Map.of(), Map.of(), List.of());

        public static Side of(RuleSetDraft version) {
            return new Side(version.files(), version.overrides(), version.exceptions());
        }

        public static Side of(RuleSetStore.StoredVersion version) {
            return new Side(version.files(), version.overrides(), version.exceptions());
        }
    }

    public enum FileStatus { ADDED, REMOVED, CHANGED }

    /** One file that differs, with the counts of added and removed lines. */
    public record FileChange(String name, FileStatus status, List<LineDiff.Hunk> hunks, int linesAdded,
                             int linesRemoved) {
    }

    /** A parameter ({@code ruleId.name}) whose value differs; null is the rule's default. */
    public record ParameterChange(String key, String before, String after) {
    }

    public static RuleSetDiff between(Side before, Side after) {
        return new RuleSetDiff(files(before.files(), after.files()), parameters(before.overrides(), after.overrides()),
                missingFrom(before.exceptions(), after.exceptions()), missingFrom(after.exceptions(), before.exceptions()));
    }

    public boolean isEmpty() {
        return files.isEmpty() && parameters.isEmpty() && exceptionsAdded.isEmpty() && exceptionsRemoved.isEmpty();
    }

    private static List<FileChange> files(Map<String, String> before, Map<String, String> after) {
        List<FileChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (Objects.equals(old, now)) {
                continue;
            }
            List<LineDiff.Hunk> hunks = LineDiff.hunks(old, now);
            int added = 0;
            int removed = 0;
            for (LineDiff.Hunk hunk : hunks) {
                for (LineDiff.Line line : hunk.lines()) {
                    added += line.kind() == LineDiff.Kind.ADDED ? 1 : 0;
                    removed += line.kind() == LineDiff.Kind.REMOVED ? 1 : 0;
                }
            }
            FileStatus status = old == null ? FileStatus.ADDED : now == null ? FileStatus.REMOVED : FileStatus.CHANGED;
            changes.add(new FileChange(name, status, hunks, added, removed));
        }
        return changes;
    }

    private static List<ParameterChange> parameters(Map<String, String> before, Map<String, String> after) {
        Map<String, ParameterChange> changes = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.put(key, new ParameterChange(key, before.get(key), after.get(key)));
            }
        }
        return List.copyOf(changes.values());
    }

    /** The exceptions of {@code in} that {@code from} does not have. */
    private static List<RuleException> missingFrom(List<RuleException> from, List<RuleException> in) {
        List<List<Object>> known = from.stream().map(RuleSetDiff::identity).toList();
        return in.stream().filter(e -> !known.contains(identity(e))).toList();
    }

    private static List<Object> identity(RuleException e) {
        return Arrays.asList(e.ruleId(), e.kind(), e.pattern(), e.until(), e.comment());
    }
}
