package tmsp.ingest.internal;

/**
 * One syslog message as the listener cut it from the stream: its text, and whether it was cut short
 * (longer than the limit) or broken off (the sender closed the connection inside an octet-counted frame).
 */
record SyslogFrame(String text, Problem problem) {

    enum Problem { NONE, TOO_LONG, TRUNCATED }

    static SyslogFrame of(String text) {
        return new SyslogFrame(text, Problem.NONE);
    }
}
