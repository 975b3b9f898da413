package tmsp.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts DRL text into the tokens the confinement check reads: identifiers (a {@code $} prefix included),
 * numbers, string literals and single symbols, each with its line and column; comments are dropped. It errs on
 * the side of code: only what Java and DRL both read as a comment or a string is taken as one, and what either
 * could read otherwise (a Unicode escape, a text block, a string left open at the end of its line, a comment
 * never closed) is reported as a problem instead of guessed at.
 */
final class DrlTokens {

    enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL }

    record Token(Kind kind, String text, int line, int column) {

        boolean is(String symbolOrWord) {
            return text.equals(symbolOrWord) && kind != Kind.STRING;
        }
    }

    /** A place the text cannot be read safely, with why. */
    record Problem(int line, int column, String reason) {
    }

    record Result(List<Token> tokens, List<Problem> problems) {
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int at;
    private int line = 1;
    private int lineStart;

    private DrlTokens(String text) {
        this.text = text;
    }

    static Result of(String text) {
        DrlTokens lexer = new DrlTokens(text);
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.problems));
    }

    private void run() {
        unicodeEscapes();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (isControl(c)) {
                // Java ignores most control characters inside identifiers (getCl\0ass is getClass): refused here
                problem("the control character U+" + String.format("%04X", (int) c)
                        + " is not allowed outside strings and comments");
                at++;
            } else if (c == '\n') {
                at++;
                line++;
                lineStart = at;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                skipLineComment();
            } else if (text.startsWith("/*", at)) {
                skipBlockComment();
            } else if (text.startsWith("\"\"\"", at)) {
                problem("text blocks (\"\"\") are not allowed");
                at += 3;
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '$' || c == '_' || isAsciiLetter(c)) {
                word(Kind.IDENTIFIER);
            } else if (c >= '0' && c <= '9') {
                word(Kind.NUMBER);
            } else if (c > 127) {
                problem("the character U+" + String.format("%04X", (int) c)
                        + " is not allowed outside strings and comments");
                at++;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column()));
                at++;
            }
        }
    }

    /** Java reads {@code \\uXXXX} before anything else, in strings and comments too: it could hide any code. */
    private void unicodeEscapes() {
        int lineNumber = 1;
        int start = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\n') {
                lineNumber++;
                start = i + 1;
            } else if (text.charAt(i) == '\\' && text.charAt(i + 1) == 'u') {
                problems.add(new Problem(lineNumber, i - start + 1,
                        "a Unicode escape (\\u) is not allowed: write the character itself"));
            }
        }
    }

    private void skipLineComment() {
        int end = text.indexOf('\n', at);
        String comment = text.substring(at, end < 0 ? text.length() : end);
        // A carriage return alone ends a line for Java, not for us: code after it would look commented out.
        if (comment.indexOf('\r') >= 0) {
            problem("a carriage return inside a // comment is not allowed");
        }
        at = end < 0 ? text.length() : end;
    }

    private void skipBlockComment() {
        int end = text.indexOf("*/", at + 2);
        if (end < 0) {
            problem("a /* comment is never closed");
            at = text.length();
            return;
        }
        for (int i = at; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        at = end + 2;
    }

    private void string(char quote) {
        int startLine = line;
        int startColumn = column();
        StringBuilder value = new StringBuilder();
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                value.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString(), startLine, startColumn));
                at = i + 1;
                return;
            }
            value.append(c);
            i++;
        }
        problem("a string is not closed on its line");
        at = i;
    }

    private void word(Kind kind) {
        int start = at;
        while (at < text.length() && isWordPart(text.charAt(at))) {
            at++;
        }
        tokens.add(new Token(kind, text.substring(start, at), line, start - lineStart + 1));
    }

    /** Below space or DEL, except tab, line feed, form feed and carriage return. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
    }

    private static boolean isWordPart(char c) {
        return c == '$' || c == '_' || isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private int column() {
        return at - lineStart + 1;
    }

    private void problem(String reason) {
        problems.add(new Problem(line, column(), reason));
    }
}
