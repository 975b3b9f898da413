package tmsp.correlation.authoring.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shortest line diff of two texts (Myers' O((N+M)D) algorithm in its linear-space form: the middle snake is found
 * from both ends and the halves are solved recursively), shown as hunks with a few lines of context around each
 * change. Lines are compared as whole strings; a 5,000-line file needs two int arrays of its size, not a table.
 */
public final class LineDiff {

    /** How many unchanged lines a hunk shows before and after its changes. */
    static final int CONTEXT = 3;

    public enum Kind { CONTEXT, ADDED, REMOVED }

    /**
     * One line of a hunk.
     * @param oldNumber its 1-based number before the change, null for an added line
     * @param newNumber its 1-based number after the change, null for a removed line
     */
    public record Line(Kind kind, Integer oldNumber, Integer newNumber, String text) {
    }

    /** Consecutive changes with their context; starts are 1-based, as in a unified diff's {@code @@} header. */
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {

        public String header() {
            return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        }
    }

    private final int[] a;
    private final int[] b;
    private final boolean[] removed;
    private final boolean[] added;

    private LineDiff(int[] a, int[] b) {
        this.a = a;
        this.b = b;
        this.removed = new boolean[a.length];
        this.added = new boolean[b.length];
    }

    /** The hunks that turn {@code before} into {@code after}; empty when they have the same lines. */
    public static List<Hunk> hunks(String before, String after) {
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        Map<String, Integer> ids = new HashMap<>();
        LineDiff diff = new LineDiff(ids(oldLines, ids), ids(newLines, ids));
        diff.compare(0, diff.a.length, 0, diff.b.length);
        return diff.hunks(oldLines, newLines);
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    /** Each distinct line as a small number, so the comparison is of ints. */
    private static int[] ids(List<String> lines, Map<String, Integer> ids) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(lines.get(i), line -> ids.size());
        }
        return out;
    }

    /** Marks the removed lines of a[aLo, aHi) and the added lines of b[bLo, bHi). */
    private void compare(int aLo, int aHi, int bLo, int bHi) {
        while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
            aLo++;
            bLo++;
        }
        while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
            aHi--;
            bHi--;
        }
        if (aLo == aHi) {
            for (int j = bLo; j < bHi; j++) {
                added[j] = true;
            }
        } else if (bLo == bHi) {
            for (int i = aLo; i < aHi; i++) {
                removed[i] = true;
            }
        } else {
            // Without a common first or last line the edit distance is at least 2, so both halves are smaller.
            int[] snake = middleSnake(aLo, aHi, bLo, bHi);
            compare(aLo, snake[0], bLo, snake[1]);
            compare(snake[2], aHi, snake[3], bHi);
        }
    }

    /**
     * A diagonal run (x, y) to (u, v), in absolute indexes, that lies on a shortest edit path of the two ranges:
     * the forward search from their start and the backward search from their end meet on it.
     */
    private int[] middleSnake(int aLo, int aHi, int bLo, int bHi) {
        int n = aHi - aLo;
        int m = bHi - bLo;
        int delta = n - m;
        boolean odd = (delta & 1) != 0;
        int max = (n + m + 1) / 2;
        int offset = max + 1;
        // forward[k]: the furthest x on diagonal k = x - y from the start; backward[k]: the same from the end, in
        // reversed coordinates (x' = n - x, y' = m - y), where forward diagonal k is backward diagonal delta - k.
        int[] forward = new int[2 * max + 3];
        int[] backward = new int[2 * max + 3];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = furthest(forward, offset, k, d);
                int y = x - k;
                int x0 = x;
                int y0 = y;
                while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
                    x++;
                    y++;
                }
                forward[offset + k] = x;
                int kb = delta - k;
                if (odd && kb >= -(d - 1) && kb <= d - 1 && x + backward[offset + kb] >= n) {
                    return new int[] {aLo + x0, bLo + y0, aLo + x, bLo + y};
                }
            }
            for (int k = -d; k <= d; k += 2) {
                int x = furthest(backward, offset, k, d);
                int y = x - k;
                int x0 = x;
                int y0 = y;
                while (x < n && y < m && a[aHi - 1 - x] == b[bHi - 1 - y]) {
                    x++;
                    y++;
                }
                backward[offset + k] = x;
                int kf = delta - k;
                if (!odd && kf >= -d && kf <= d && x + forward[offset + kf] >= n) {
                    return new int[] {aHi - x, bHi - y, aHi - x0, bHi - y0};
                }
            }
        }
        throw new IllegalStateException("no middle snake: the search is wrong");
    }

    /** Where a d-path on diagonal k starts its final run: one down from k + 1, or one right from k - 1. */
    private static int furthest(int[] v, int offset, int k, int d) {
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
            return v[offset + k + 1];
        }
        return v[offset + k - 1] + 1;
    }

    private List<Hunk> hunks(List<String> oldLines, List<String> newLines) {
        List<Line> all = new ArrayList<>(Math.max(oldLines.size(), newLines.size()));
        List<Integer> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && removed[i]) {
                changes.add(all.size());
                all.add(new Line(Kind.REMOVED, i + 1, null, oldLines.get(i++)));
            } else if (j < b.length && added[j]) {
                changes.add(all.size());
                all.add(new Line(Kind.ADDED, null, j + 1, newLines.get(j++)));
            } else {
                all.add(new Line(Kind.CONTEXT, i + 1, j + 1, oldLines.get(i)));
                i++;
                j++;
            }
        }
        List<Hunk> hunks = new ArrayList<>();
        int c = 0;
        while (c < changes.size()) {
            int from = Math.max(0, changes.get(c) - CONTEXT);
            int to = changes.get(c);
            while (c + 1 < changes.size() && changes.get(c + 1) - to <= 2 * CONTEXT + 1) {
                to = changes.get(++c);
            }
            c++;
            hunks.add(hunk(all.subList(from, Math.min(all.size(), to + CONTEXT + 1)), all, from));
        }
        return hunks;
    }

    /** A hunk of these lines; {@code from} is the first one's index in all lines, to number an empty side. */
    private static Hunk hunk(List<Line> lines, List<Line> all, int from) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Line line : lines) {
            if (line.oldNumber() != null) {
                oldStart = oldCount++ == 0 ? line.oldNumber() : oldStart;
            }
            if (line.newNumber() != null) {
                newStart = newCount++ == 0 ? line.newNumber() : newStart;
            }
        }
        // A side without lines in this hunk starts after the last line it had before (0 at the top), as diff -u.
        if (oldCount == 0) {
            oldStart = lastNumber(all, from, true);
        }
        if (newCount == 0) {
            newStart = lastNumber(all, from, false);
        }
        return new Hunk(oldStart, oldCount, newStart, newCount, List.copyOf(lines));
    }

    private static int lastNumber(List<Line> all, int before, boolean old) {
        for (int x = before - 1; x >= 0; x--) {
            Integer number = old ? all.get(x).oldNumber() : all.get(x).newNumber();
            if (number != null) {
                return number;
            }
        }
        return 0;
    }
}
