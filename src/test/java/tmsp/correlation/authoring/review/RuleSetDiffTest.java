package tmsp.correlation.authoring.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.review.LineDiff.Hunk;
import tmsp.correlation.authoring.review.LineDiff.Kind;
import tmsp.correlation.authoring.review.LineDiff.Line;
import tmsp.correlation.authoring.review.RuleSetDiff.FileChange;
import tmsp.correlation.authoring.review.RuleSetDiff.FileStatus;
import tmsp.correlation.authoring.review.RuleSetDiff.ParameterChange;
import tmsp.correlation.authoring.review.RuleSetDiff.Side;

/** The diff of two rule set versions: files line by line, parameters, exceptions. */
class RuleSetDiffTest {

    static final String OUTBREAK = """
            package tmsp.rules.outbreak

            rule "Malware outbreak"
                @id("malware-outbreak")
                @params("hosts=3, window=1h")
            when
                $d : DetectionFact(threatName != null)
            then
                raise($d);
            end
            """;

    static final RuleException LAB = new RuleException(1L, "malware-outbreak", RuleException.Kind.CIDR, "10.9.0.0/16",
            null, "the lab", "ann");

    @Test
    void identicalVersionsHaveNoChanges() {
        Side side = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of("malware-outbreak.hosts", "5"), List.of(LAB));
        // Another copy of the same exception has another id and author: still the same exception.
        Side copy = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of("malware-outbreak.hosts", "5"),
                List.of(new RuleException(99L, LAB.ruleId(), LAB.kind(), LAB.pattern(), null, LAB.comment(), "bob")));

        RuleSetDiff diff = RuleSetDiff.between(side, copy);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.files()).isEmpty();
        assertThat(diff.parameters()).isEmpty();
    }

    @Test
    void oneChangedLineIsOneHunkWithItsContext() {
        String changed = OUTBREAK.replace("threatName != null", "threatName != null, severity >= 3");

        RuleSetDiff diff = RuleSetDiff.between(files(OUTBREAK), files(changed));

        FileChange file = single(diff);
        assertThat(file.status()).isEqualTo(FileStatus.CHANGED);
        assertThat(file.linesAdded()).isOne();
        assertThat(file.linesRemoved()).isOne();
        Hunk hunk = file.hunks().get(0);
        assertThat(file.hunks()).hasSize(1);
        assertThat(hunk.header()).isEqualTo("@@ -4,7 +4,7 @@");
        assertThat(hunk.lines()).extracting(Line::kind).containsExactly(Kind.CONTEXT, Kind.CONTEXT, Kind.CONTEXT,
                Kind.REMOVED, Kind.ADDED, Kind.CONTEXT, Kind.CONTEXT, Kind.CONTEXT);
        assertThat(hunk.lines().get(3)).isEqualTo(new Line(Kind.REMOVED, 7, null, "    $d : DetectionFact(threatName != null)"));
        assertThat(hunk.lines().get(4)).isEqualTo(new Line(Kind.ADDED, null, 7,
                "    $d : DetectionFact(threatName != null, severity >= 3)"));
    }

    @Test
    void changesFarApartAreSeparateHunks() {
        List<String> lines = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).toList();
        List<String> changed = new ArrayList<>(lines);
        changed.set(4, "line five");
        changed.remove(30);

        List<Hunk> hunks = LineDiff.hunks(text(lines), text(changed));

        assertThat(hunks).extracting(Hunk::header).containsExactly("@@ -2,7 +2,7 @@", "@@ -28,7 +28,6 @@");
    }

    @Test
    void anAddedFileIsAllAddedAndARemovedOneAllRemoved() {
        Side before = files(OUTBREAK);
        Side after = new Side(Map.of("outbreak.drl", OUTBREAK, "lateral.drl", "package tmsp.rules.lateral\n"), Map.of(),
                List.of());

        FileChange added = single(RuleSetDiff.between(before, after));
        FileChange removed = single(RuleSetDiff.between(after, before));

        assertThat(added.name()).isEqualTo("lateral.drl");
        assertThat(added.status()).isEqualTo(FileStatus.ADDED);
        assertThat(added.hunks()).singleElement().satisfies(h -> {
            assertThat(h.header()).isEqualTo("@@ -0,0 +1,1 @@");
            assertThat(h.lines()).containsExactly(new Line(Kind.ADDED, null, 1, "package tmsp.rules.lateral"));
        });
        assertThat(removed.status()).isEqualTo(FileStatus.REMOVED);
        assertThat(removed.linesRemoved()).isOne();
        assertThat(removed.linesAdded()).isZero();
        assertThat(RuleSetDiff.between(Side.EMPTY, before).files()).singleElement()
                .satisfies(f -> assertThat(f.linesAdded()).isEqualTo(OUTBREAK.lines().count()));
    }

    @Test
    void parametersOnlyShowOldAndNewValuesWithDefaultsAsNull() {
        Side before = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of("malware-outbreak.hosts", "5",
                "malware-outbreak.window", "2h"), List.of());
        Side after = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of("malware-outbreak.hosts", "4",
                "brute-force.attempts", "30"), List.of());

        RuleSetDiff diff = RuleSetDiff.between(before, after);

        assertThat(diff.files()).isEmpty();
        assertThat(diff.parameters()).containsExactly(
                new ParameterChange("brute-force.attempts", null, "30"),
                new ParameterChange("malware-outbreak.hosts", "5", "4"),
                new ParameterChange("malware-outbreak.window", "2h", null));
    }

    @Test
    void exceptionsOnlyAreAddedOrRemoved() {
        RuleException until = new RuleException(2L, "brute-force", RuleException.Kind.HOST, "scanner-*",
                LocalDate.of(2027, 1, 31), null, "ann");
        Side before = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of(), List.of(LAB));
        Side after = new Side(Map.of("outbreak.drl", OUTBREAK), Map.of(), List.of(until));

        RuleSetDiff diff = RuleSetDiff.between(before, after);

        assertThat(diff.files()).isEmpty();
        assertThat(diff.parameters()).isEmpty();
        assertThat(diff.exceptionsAdded()).containsExactly(until);
        assertThat(diff.exceptionsRemoved()).containsExactly(LAB);
        // A changed end date is the old exception removed and the new one added.
        RuleException later = new RuleException(3L, until.ruleId(), until.kind(), until.pattern(),
                LocalDate.of(2027, 6, 30), null, "ann");
        RuleSetDiff moved = RuleSetDiff.between(after, new Side(after.files(), Map.of(), List.of(later)));
        assertThat(moved.exceptionsAdded()).containsExactly(later);
        assertThat(moved.exceptionsRemoved()).containsExactly(until);
    }

    @Test
    void randomEditsGiveAShortestDiffThatRebuildsBothSides() {
        Random random = new Random(20261202);
        for (int round = 0; round < 300; round++) {
            List<String> before = randomLines(random, random.nextInt(40));
            List<String> after = edited(random, before);

            List<Hunk> hunks = LineDiff.hunks(text(before), text(after));

            assertThat(rebuilt(before, hunks)).as("round %d", round).isEqualTo(after);
            long edits = hunks.stream().flatMap(h -> h.lines().stream()).filter(l -> l.kind() != Kind.CONTEXT).count();
            assertThat(edits).as("round %d: as short as an LCS allows", round)
                    .isEqualTo(before.size() + after.size() - 2L * lcs(before, after));
        }
    }

    @Test
    void fiveThousandLineFilesAreComparedQuickly() {
        Random random = new Random(7);
        List<String> before = IntStream.range(0, 5000).mapToObj(i -> "    $d" + i + " : DetectionFact(eventId == "
                + random.nextInt(1_000_000) + ")").toList();
        List<String> scattered = new ArrayList<>(before);
        for (int i = 0; i < 5000; i += 97) {
            scattered.set(i, "    // changed " + i);
        }
        List<String> unrelated = IntStream.range(0, 5000).mapToObj(i -> "other " + i).toList();

        // The worst case: nothing in common, an edit distance of 10,000 with linear memory.
        List<Hunk> everything = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> LineDiff.hunks(text(before), text(unrelated)));
        List<Hunk> few = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> LineDiff.hunks(text(before), text(scattered)));

        assertThat(rebuilt(before, everything)).isEqualTo(unrelated);
        assertThat(everything).hasSize(1);
        assertThat(rebuilt(before, few)).isEqualTo(scattered);
        assertThat(few.stream().flatMap(h -> h.lines().stream()).filter(l -> l.kind() == Kind.ADDED)).hasSize(52);
    }

    @Test
    void windowsLineEndsAndAMissingLastNewlineAreNotChanges() {
        assertThat(LineDiff.hunks("a\nb\n", "a\r\nb")).isEmpty();
        assertThat(LineDiff.hunks("", null)).isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    static Side files(String outbreak) {
        return new Side(Map.of("outbreak.drl", outbreak), Map.of(), List.of());
    }

    static FileChange single(RuleSetDiff diff) {
        assertThat(diff.files()).hasSize(1);
        return diff.files().get(0);
    }

    static String text(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** The new side from the old one and the hunks alone, as patch would apply them. */
    static List<String> rebuilt(List<String> before, List<Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int next = 0; // 0-based index of the next old line not yet copied
        for (Hunk hunk : hunks) {
            int start = hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1;
            out.addAll(before.subList(next, start));
            next = start;
            for (Line line : hunk.lines()) {
                switch (line.kind()) {
                    case CONTEXT -> {
                        assertThat(line.text()).isEqualTo(before.get(next));
                        out.add(before.get(next++));
                    }
                    case REMOVED -> assertThat(line.text()).isEqualTo(before.get(next++));
                    case ADDED -> out.add(line.text());
                }
            }
        }
        out.addAll(before.subList(next, before.size()));
        return out;
    }

    /** The longest common subsequence's length by the textbook table: small inputs only. */
    static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }

    /** Lines from a small alphabet, so that many repeat and the diff has choices to make. */
    static List<String> randomLines(Random random, int count) {
        return IntStream.range(0, count).mapToObj(i -> "l" + random.nextInt(6)).collect(Collectors.toList());
    }

    static List<String> edited(Random random, List<String> before) {
        List<String> after = new ArrayList<>(before);
        int edits = random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = after.isEmpty() ? 0 : random.nextInt(after.size());
            switch (random.nextInt(3)) {
                case 0 -> after.add(at, "l" + random.nextInt(6));
                case 1 -> { if (!after.isEmpty()) after.remove(at); }
                default -> { if (!after.isEmpty()) after.set(at, "l" + random.nextInt(6)); }
            }
        }
        return after;
    }
}
