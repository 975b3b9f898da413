package tmsp.ingest;

/** Machine-readable reasons a line is rejected; docs/LOG-FORMATS.md explains each. */
public enum ParseErrorCode {
    EMPTY_LINE,
    LINE_TOO_LONG,
    CONTROL_CHARACTER,
    INVALID_UNICODE,
    UNKNOWN_FORMAT,
    TOO_MANY_KEYS,
    KEY_TOO_LONG,
    BAD_KEY,
    BAD_SEVERITY,
    BAD_TIMESTAMP,
    BAD_FIELD,
    CEF_BAD_HEADER,
    CEF_BAD_VERSION,
    CEF_BAD_EXTENSION,
    LEEF_BAD_HEADER,
    LEEF_BAD_VERSION,
    LEEF_BAD_DELIMITER,
    LEEF_BAD_ATTRIBUTE,
    JSON_MALFORMED,
    JSON_NOT_OBJECT,
    JSON_TOO_DEEP,
    JSON_DUPLICATE_KEY,
    /** A syslog sender closed its connection inside an octet-counted message. */
    TRUNCATED_FRAME,
    /** A defect in the parser itself; the line is kept so nothing is lost, and tests assert it never happens. */
    INTERNAL_ERROR
}
