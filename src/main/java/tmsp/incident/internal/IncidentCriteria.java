package tmsp.incident.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import tmsp.incident.IncidentStatus;

/**
 * What an incident list asks for: incidents of one account (or all, when {@code accountId} is null) whose time
 * span overlaps {@code [from, to)}, optionally of one severity, rule and status, one page, newest last seen first
 * unless {@code ascending}. Null bounds and filters mean "any"; suppressed incidents are left out unless asked for.
 */
record IncidentCriteria(Long accountId, Instant from, Instant to, String severity, String ruleId,
                        IncidentStatus status, int page, int size, boolean ascending, Suppressed suppressed) {

    /** Which incidents a list shows as to rule exceptions: by default those no exception suppresses. */
    enum Suppressed {
        FALSE, TRUE, ANY;

        /** {@code true}, {@code false} or {@code any}; empty means {@code false}. */
        static Suppressed parse(String value) {
            if (blank(value)) {
                return FALSE;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadIncidentRequest("suppressed", "suppressed must be true, false or any");
            }
        }
    }

    /** The same criteria, showing suppressed incidents as {@code which} says. */
    IncidentCriteria with(Suppressed which) {
        return new IncidentCriteria(accountId, from, to, severity, ruleId, status, page, size, ascending, which);
    }

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 500;

    /**
     * Reads request parameters. A time is a date ({@code 2026-04-01}: the whole day in the portal's zone, so
     * {@code to} includes that day) or an instant with offset ({@code 2026-04-01T10:00:00Z}).
     *
     * @throws BadIncidentRequest naming the first parameter that cannot be used
     */
    static IncidentCriteria parse(Long accountId, String from, String to, String severity, String rule, String status,
                                  Integer page, Integer size, String dir, ZoneId zone) {
        Instant start = time("from", from, zone, false);
        Instant end = time("to", to, zone, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadIncidentRequest("from", "from must be before to");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new BadIncidentRequest("page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new BadIncidentRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        if (dir != null && !dir.isBlank() && !dir.equals("asc") && !dir.equals("desc")) {
            throw new BadIncidentRequest("dir", "dir must be asc or desc");
        }
        String r = blank(rule) ? null : rule.trim();
        if (r != null && r.length() > 100) {
            throw new BadIncidentRequest("rule", "rule must have at most 100 characters");
        }
        return new IncidentCriteria(accountId, start, end, severity(severity), r, status(status), p, s, "asc".equals(dir),
                Suppressed.FALSE);
    }

    IncidentCriteria withPage(int page) {
        return new IncidentCriteria(accountId, from, to, severity, ruleId, status, page, size, ascending, suppressed);
    }

    static Instant time(String name, String value, ZoneId zone, boolean end) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new BadIncidentRequest(name, name + " must be a date (YYYY-MM-DD) or a time with offset"
                    + " (YYYY-MM-DDTHH:MM:SSZ), not " + abbreviate(v));
        }
    }

    private static String severity(String value) {
        if (blank(value)) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!Incident.SEVERITIES.contains(upper)) {
            throw new BadIncidentRequest("severity", "severity must be one of " + Incident.SEVERITIES);
        }
        return upper;
    }

    /** A whole number from a form field; null when empty. */
    static Integer number(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadIncidentRequest(name, name + " must be a whole number");
        }
    }

    static IncidentStatus status(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return IncidentStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadIncidentRequest("status", "status must be one of OPEN, ACKNOWLEDGED, RESOLVED");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
