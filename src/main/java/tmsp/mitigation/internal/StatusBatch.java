package tmsp.mitigation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.mitigation.EndpointStatus;

/**
 * An endpoint status report read entry by entry: {@code [{ip, hostname, status, threat, time}, ...]} or
 * {@code {"statuses": [...]}}. A bad entry is refused alone, with its index and the reason; the rest are kept.
 */
record StatusBatch(List<Entry> accepted, List<Rejection> rejected) {

    static final int MAX_HOSTNAME = 255;
    static final int MAX_THREAT = 255;
    /** Clocks drift and time zones get mixed up, but a report of what happens tomorrow is wrong. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    /** One good entry; {@code ip} as sent (lower case), {@code status} by its code. */
    record Entry(String ip, String hostname, EndpointStatus status, String threat, Instant time) {
    }

    record Rejection(int index, String reason) {
    }

    /**
     * @throws ApplianceApiRefusal 400 when the body is neither an array nor {@code {"statuses": [...]}}, 413 when it
     *                             holds more than {@code maxEntries}
     */
    static StatusBatch of(JsonNode body, int maxEntries, Instant now) {
        JsonNode entries = body != null && body.isArray() ? body
                : body != null && body.isObject() && body.path("statuses").isArray() ? body.get("statuses") : null;
        if (entries == null) {
            throw ApplianceApiRefusal.badRequest("Send a JSON array of endpoint statuses, or {\"statuses\": [...]}");
        }
        if (entries.size() > maxEntries) {
            throw new ApplianceApiRefusal(413, "A report holds at most " + maxEntries + " statuses, this one "
                    + entries.size());
        }
        List<Entry> accepted = new ArrayList<>(entries.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                accepted.add(entry(entries.get(i), now));
            } catch (BadEntry e) {
                rejected.add(new Rejection(i, e.getMessage()));
            }
        }
        return new StatusBatch(accepted, rejected);
    }

    static Entry entry(JsonNode node, Instant now) {
        if (!node.isObject()) {
            throw new BadEntry("not an object");
        }
        String ip = text(node, "ip", 45);
        if (ip == null) {
            throw new BadEntry("ip is missing");
        }
        if (!IpLiterals.valid(ip)) {
            throw new BadEntry("ip '" + ip + "' is not an IPv4 or IPv6 address");
        }
        String hostname = text(node, "hostname", MAX_HOSTNAME);
        String statusText = text(node, "status", 100);
        if (statusText == null) {
            throw new BadEntry("status is missing");
        }
        EndpointStatus status = EndpointStatus.parse(statusText)
                .orElseThrow(() -> new BadEntry("unknown status '" + statusText + "'"));
        String threat = text(node, "threat", MAX_THREAT);
        return new Entry(ip.toLowerCase(Locale.ROOT), hostname, status, threat, time(text(node, "time", 64), now));
    }

    private static Instant time(String text, Instant now) {
        if (text == null) {
            throw new BadEntry("time is missing");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadEntry("time '" + text + "' is not an ISO-8601 date-time with an offset (2026-03-09T17:05:21Z)");
        }
        if (time.isAfter(now.plus(MAX_AHEAD))) {
            throw new BadEntry("time " + text + " is more than a day in the future");
        }
        return time;
    }

    /** A field's text, trimmed; null when absent, null or blank. */
    private static String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadEntry(field + " must be a string");
        }
        String text = value.asText().trim();
        if (text.length() > maxLength) {
            throw new BadEntry(field + " is longer than " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    /** Why one entry was refused. */
    static final class BadEntry extends RuntimeException {

        BadEntry(String reason) {
            super(reason, null, false, false);
        }
    }
}
