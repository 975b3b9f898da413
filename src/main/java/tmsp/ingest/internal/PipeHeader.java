package tmsp.ingest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pipe-separated header fields of CEF and LEEF, where {@code \|} is a pipe and {@code \\} a backslash
 * inside a field; any other backslash is kept as written.
 *
 * @param fields the fields found, at most the number asked for
 * @param end    index just after the last pipe read
 */
record PipeHeader(List<String> fields, int end) {

    /** Reads up to {@code count} pipe-terminated fields of {@code text} from {@code start}. */
    static PipeHeader read(String text, int start, int count) {
        List<String> fields = new ArrayList<>(count);
        StringBuilder field = new StringBuilder();
        int i = start;
        while (i < text.length() && fields.size() < count) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        return new PipeHeader(fields, i);
    }

    boolean complete(int count) {
        return fields.size() == count;
    }
}
