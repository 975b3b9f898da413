package tmsp.incident.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tmsp.ingest.Detections;
import tmsp.ingest.StoredDetection;
import tmsp.web.Csv;

/**
 * An account's incidents of a time range with their evidence detections, written as they are read: incidents a
 * page at a time, the evidence of each in chunks, so a year of a large account never sits in the heap.
 */
@Component
class ConsolidatedLogs {

    enum Format { CSV, JSON }

    static final int INCIDENT_PAGE = 100;
    static final int EVIDENCE_CHUNK = 1000;
    static final String CSV_HEADER = Csv.line("incident_id", "incident_key", "rule_id", "title", "severity",
            "status", "attack", "hosts", "addresses", "threat_names", "first_seen", "last_seen", "detection_count",
            "detection_id", "event_time", "detection_severity", "event_name", "threat_type", "threat_name",
            "malware_type", "source_address", "source_host", "source_port", "destination_address",
            "destination_host", "destination_port", "user", "application", "protocol", "action", "file_name",
            "file_hash", "url", "raw");

    private final Incidents incidents;
    private final IncidentEvidence evidence;
    private final Detections detections;
    private final ObjectMapper json;

    ConsolidatedLogs(Incidents incidents, IncidentEvidence evidence, Detections detections, ObjectMapper json) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.detections = detections;
        this.json = json;
    }

    void write(long accountId, Instant from, Instant to, Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            csv(accountId, from, to, out);
        } else {
            json(accountId, from, to, out);
        }
    }

    private void csv(long accountId, Instant from, Instant to, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(CSV_HEADER);
        for (List<Incident> page = firstPage(accountId, from, to); !page.isEmpty();
             page = nextPage(accountId, from, to, page)) {
            for (Incident incident : page) {
                String[] head = {String.valueOf(incident.id()), incident.key(), incident.ruleId(), incident.title(),
                        incident.severity(), incident.status().name(), joined(incident.attack()),
                        joined(incident.hosts()), joined(incident.addresses()), joined(incident.threatNames()),
                        incident.firstSeen().toString(), incident.lastSeen().toString(),
                        String.valueOf(incident.detectionCount())};
                boolean[] any = {false};
                eachEvidence(incident, d -> {
                    any[0] = true;
                    line(writer, concat(head, detectionCells(d)));
                });
                if (!any[0]) {
                    line(writer, concat(head, new String[21]));
                }
            }
        }
        writer.flush();
    }

    private void json(long accountId, Instant from, Instant to, OutputStream out) throws IOException {
        JsonGenerator gen = json.getFactory().createGenerator(out);
        gen.writeStartObject();
        gen.writeNumberField("accountId", accountId);
        gen.writeStringField("from", from.toString());
        gen.writeStringField("to", to.toString());
        gen.writeArrayFieldStart("incidents");
        for (List<Incident> page = firstPage(accountId, from, to); !page.isEmpty();
             page = nextPage(accountId, from, to, page)) {
            for (Incident incident : page) {
                // the incident's fields as the API shows them, then its evidence streamed into the same object
                ObjectNode fields = json.valueToTree(IncidentView.of(incident));
                gen.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    gen.writeFieldName(field.getKey());
                    gen.writeTree(field.getValue());
                }
                gen.writeArrayFieldStart("evidence");
                eachEvidence(incident, d -> {
                    try {
                        json.writeValue(gen, d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                gen.writeEndArray();
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
    }

    private List<Incident> firstPage(long accountId, Instant from, Instant to) {
        return incidents.inRangeAfter(accountId, from, to, 0, Limit.of(INCIDENT_PAGE));
    }

    private List<Incident> nextPage(long accountId, Instant from, Instant to, List<Incident> page) {
        if (page.size() < INCIDENT_PAGE) {
            return List.of();
        }
        return incidents.inRangeAfter(accountId, from, to, page.get(page.size() - 1).id(), Limit.of(INCIDENT_PAGE));
    }

    private void eachEvidence(Incident incident, Consumer<StoredDetection> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = evidence.after(incident.id(), after, EVIDENCE_CHUNK);
            if (ids.isEmpty()) {
                return;
            }
            detections.byIds(incident.accountId(), ids, incident.firstSeen(), incident.lastSeen()).forEach(consumer);
            if (ids.size() < EVIDENCE_CHUNK) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private static String[] detectionCells(StoredDetection d) {
        return new String[] {String.valueOf(d.id()), d.eventTime().toString(), d.severity().name(), d.eventName(),
                d.threatType(), d.threatName(), d.malwareType(), d.sourceAddress(), d.sourceHost(),
                str(d.sourcePort()), d.destinationAddress(), d.destinationHost(), str(d.destinationPort()), d.user(),
                d.application(), d.protocol(), d.action(), d.fileName(), d.fileHash(), d.url(), d.raw()};
    }

    private static void line(Writer writer, String[] cells) {
        try {
            writer.write(Csv.line(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String joined(List<String> values) {
        return String.join("; ", values);
    }

    private static String str(Object value) {
        return Objects.toString(value, null);
    }
}
