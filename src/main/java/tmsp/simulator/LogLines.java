package tmsp.simulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link DetectionEvent} the way a Deep Discovery Inspector does: CEF with {@code rt},
 * {@code deviceExternalId} and {@code cn3Label=ThreatType}, or LEEF 1.0 (tab-separated) with {@code devTime} and
 * its {@code devTimeFormat}, {@code deviceGUID}, {@code srcPort}/{@code dstPort}, {@code usrName}.
 */
final class LogLines {

    static final String VENDOR = "Trend Micro";
    static final String PRODUCT = "Deep Discovery Inspector";
    static final String VERSION = "6.7.1050";
    /** The appliances' date form, in both formats; LEEF names it in devTimeFormat. */
    static final String TIME_PATTERN = "MMM dd yyyy HH:mm:ss z";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss 'GMT+00:00'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    enum Format { CEF, LEEF }

    private LogLines() {
    }

    static String line(Format format, SimulatedAppliance appliance, DetectionEvent event) {
        return format == Format.CEF ? cef(appliance, event) : leef(appliance, event);
    }

    static String cef(SimulatedAppliance appliance, DetectionEvent event) {
        StringBuilder line = new StringBuilder("CEF:0|");
        for (String field : List.of(VENDOR, PRODUCT, VERSION, event.eventId, event.name, Integer.toString(event.severity))) {
            line.append(field.replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        String separator = "";
        for (String[] pair : fields(appliance, event, Format.CEF)) {
            line.append(separator).append(pair[0]).append('=')
                    .append(pair[1].replace("\\", "\\\\").replace("=", "\\=").replace("\n", "\\n"));
            separator = " ";
        }
        return line.toString();
    }

    static String leef(SimulatedAppliance appliance, DetectionEvent event) {
        StringBuilder line = new StringBuilder("LEEF:1.0|");
        for (String field : List.of(VENDOR, PRODUCT, VERSION, event.eventId)) {
            line.append(field.replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        String separator = "";
        for (String[] pair : fields(appliance, event, Format.LEEF)) {
            // LEEF has no escape for its delimiter: a tab in a value would split it.
            line.append(separator).append(pair[0]).append('=').append(pair[1].replace('\t', ' ').replace('\n', ' '));
            separator = "\t";
        }
        return line.toString();
    }

    /** A line cut inside its header, as a relay that truncates does: the portal must quarantine it. */
    static String truncated(String line) {
        return line.substring(0, Math.min(line.length(), line.startsWith("CEF") ? 40 : 30));
    }

    private static List<String[]> fields(SimulatedAppliance appliance, DetectionEvent e, Format format) {
        boolean cef = format == Format.CEF;
        List<String[]> fields = new ArrayList<>();
        String time = TIME.format(e.time);
        if (cef) {
            add(fields, "rt", time);
        } else {
            add(fields, "devTime", time);
            add(fields, "devTimeFormat", TIME_PATTERN);
            add(fields, "sev", e.severity);
            add(fields, "name", e.name);
        }
        add(fields, "dvc", appliance.address());
        add(fields, "dvchost", appliance.hostname());
        add(fields, cef ? "deviceExternalId" : "deviceGUID", appliance.guid());
        if (e.threatType != null) {
            add(fields, "cn3Label", "ThreatType");
            add(fields, "cn3", e.threatType.ordinal());
        }
        add(fields, "malType", e.malType);
        add(fields, "malName", e.malName);
        add(fields, "proto", e.protocol);
        add(fields, "app", e.application);
        add(fields, "src", e.sourceAddress);
        add(fields, "shost", e.sourceHost);
        add(fields, cef ? "smac" : "srcMAC", e.sourceMac);
        add(fields, cef ? "spt" : "srcPort", e.sourcePort);
        add(fields, "dst", e.destinationAddress);
        add(fields, "dhost", e.destinationHost);
        add(fields, cef ? "dpt" : "dstPort", e.destinationPort);
        add(fields, "deviceDirection", e.direction);
        add(fields, "interestedIp", e.interestedAddress);
        add(fields, "peerIp", e.peerAddress);
        add(fields, cef ? "duser" : "usrName", e.user);
        add(fields, "act", e.action);
        add(fields, "cnt", e.count);
        add(fields, "fname", e.fileName);
        add(fields, "fileHash", e.fileHash);
        add(fields, cef ? "request" : "url", e.url);
        add(fields, "ruleName", e.ruleName);
        add(fields, "pAttackPhase", e.attackPhase);
        return fields;
    }

    private static void add(List<String[]> fields, String key, Object value) {
        if (value != null) {
            fields.add(new String[] {key, value.toString()});
        }
    }
}
