package tmsp.correlation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Sigma's string matching for rules imported from Sigma: case-insensitive equality, {@code contains},
 * {@code startswith}, {@code endswith}, wildcards ({@code *} any run, {@code ?} one character, a backslash escapes
 * them and itself) and case-sensitive regular expressions searched anywhere in the value. A null value matches
 * nothing. A regular expression gets a bounded amount of work per value ({@link #REGEX_BUDGET} character reads):
 * one that would backtrack without end counts as no match instead of stalling the session.
 */
public final class SigmaText {

    /** Character reads one regular-expression search may make before it is given up as no match. */
    static final int REGEX_BUDGET = 1_000_000;

    private static final int CACHE_LIMIT = 1_000;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, Glob> GLOBS = new ConcurrentHashMap<>();

    private SigmaText() {
    }

    public static boolean is(String value, String expected) {
        return value != null && value.equalsIgnoreCase(expected);
    }

    public static boolean contains(String value, String part) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i + part.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    public static boolean startsWith(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    public static boolean endsWith(String value, String suffix) {
        return value != null && value.length() >= suffix.length()
                && value.regionMatches(true, value.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** A Sigma wildcard pattern, matched against the whole value without regard to case. */
    public static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        return cached(GLOBS, pattern, Glob::of).matches(value);
    }

    /** A regular expression found anywhere in the value, case-sensitive (Sigma's {@code re}). */
    public static boolean matches(String value, String regex) {
        if (value == null) {
            return false;
        }
        Pattern pattern = cached(PATTERNS, regex, Pattern::compile);
        try {
            return pattern.matcher(new BoundedText(value, REGEX_BUDGET)).find();
        } catch (BoundedText.Exhausted e) {
            return false;
        }
    }

    private static <T> T cached(Map<String, T> cache, String key, java.util.function.Function<String, T> make) {
        T value = cache.get(key);
        if (value == null) {
            value = make.apply(key);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    /** A Sigma wildcard pattern read once: its characters and which of them are wildcards. */
    public record Glob(char[] chars, boolean[] wild) {

        public static Glob of(String pattern) {
            StringBuilder chars = new StringBuilder();
            java.util.List<Boolean> wild = new java.util.ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length() && "*?\\".indexOf(pattern.charAt(i + 1)) >= 0) {
                    chars.append(pattern.charAt(++i));
                    wild.add(false);
                } else {
                    chars.append(c);
                    wild.add(c == '*' || c == '?');
                }
            }
            boolean[] flags = new boolean[wild.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = wild.get(i);
            }
            return new Glob(chars.toString().toCharArray(), flags);
        }

        public boolean hasWildcard() {
            for (boolean w : wild) {
                if (w) {
                    return true;
                }
            }
            return false;
        }

        /** The characters without escapes: the value itself when there is no wildcard. */
        public String plain() {
            return new String(chars);
        }

        /** Written again with every literal *, ? and backslash escaped, so it can be wrapped in wildcards safely. */
        public String escaped() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < chars.length; i++) {
                if (!wild[i] && (chars[i] == '*' || chars[i] == '?' || chars[i] == '\\')) {
                    out.append('\\');
                }
                out.append(chars[i]);
            }
            return out.toString();
        }

        /** Greedy matching with one back-off point for the last star: time in O(value x pattern), no recursion. */
        public boolean matches(String value) {
            int v = 0;
            int p = 0;
            int star = -1;
            int resume = 0;
            while (v < value.length()) {
                if (p < chars.length && wild[p] && chars[p] == '*') {
                    star = p++;
                    resume = v;
                } else if (p < chars.length && (wild[p] || same(chars[p], value.charAt(v)))) {
                    p++;
                    v++;
                } else if (star >= 0) {
                    p = star + 1;
                    v = ++resume;
                } else {
                    return false;
                }
            }
            while (p < chars.length && wild[p] && chars[p] == '*') {
                p++;
            }
            return p == chars.length;
        }

        private static boolean same(char a, char b) {
            return a == b || Character.toLowerCase(a) == Character.toLowerCase(b)
                    || Character.toUpperCase(a) == Character.toUpperCase(b);
        }
    }

    /** A value whose characters may be read only so many times: the bound on a regular expression's work. */
    static final class BoundedText implements CharSequence {

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("regular expression budget exhausted", null, false, false);
            }
        }

        private final String text;
        private final int[] budget;

        BoundedText(String text, int budget) {
            this(text, new int[] {budget});
        }

        private BoundedText(String text, int[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
