package tmsp.ingest;

/** The line formats a detection can arrive in. */
public enum LogFormat {
    CEF, LEEF, JSON
}
