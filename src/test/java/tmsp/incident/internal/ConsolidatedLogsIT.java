package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentRecorder;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Consolidated logs over real HTTP: CSV escaping, valid JSON, and a long range streamed page by page. */
@IntegrationTest
class ConsolidatedLogsIT {

    static final Instant DAY = Instant.parse("2026-07-01T00:00:00Z");
    static final String NASTY = "Bad, \"quoted\"\nline";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;

    IncidentFixtures fixtures;
    long account;
    long other;

    @BeforeEach
    void twoAccounts() throws Exception {
        fixtures = new IncidentFixtures(jdbc, recorder);
        account = TestAccounts.create(mvc, json, jdbc, "Consolidated").id();
        other = TestAccounts.create(mvc, json, jdbc, "ConsolidatedOther").id();
    }

    HttpResponse<String> download(long accountId, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/accounts/"
                        + accountId + "/consolidated-logs?" + query))
                .header("Authorization", ApplianceClient.basic("admin", tmsp.support.IntegrationTest.ADMIN_PASSWORD))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void csvEscapesCommasQuotesAndNewlinesAndJsonIsValid() throws Exception {
        List<Long> ids = fixtures.detections(account, DAY.plusSeconds(60), 2, NASTY + " ");
        long incident = fixtures.incident(account, "brute-force", "HIGH", NASTY, DAY.plusSeconds(60),
                DAY.plusSeconds(61), ids);
        fixtures.incident(other, "brute-force", "HIGH", "not in this account", DAY.plusSeconds(60),
                DAY.plusSeconds(61), fixtures.detections(other, DAY.plusSeconds(60), 1, "other "));

        HttpResponse<String> csv = download(account, "from=2026-07-01&to=2026-07-01&format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"consolidated-logs-" + account + "-2026-07-01_2026-07-01.csv\"");
        String body = csv.body();
        assertThat(body).startsWith(ConsolidatedLogs.CSV_HEADER);
        assertThat(body).contains("\"Bad, \"\"quoted\"\"\nline\"");
        assertThat(body).contains("\"Bad, \"\"quoted\"\"\nline 0\"").contains("\"Bad, \"\"quoted\"\"\nline 1\"");
        assertThat(body).doesNotContain("not in this account");
        List<List<String>> rows = parseCsv(body);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo(String.valueOf(incident));
        assertThat(rows.get(1).get(3)).isEqualTo(NASTY);
        assertThat(rows.stream().skip(1).map(r -> r.get(13))).containsExactly(String.valueOf(ids.get(0)),
                String.valueOf(ids.get(1)));
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(rows.get(0).size()));

        HttpResponse<String> asJson = download(account, "from=2026-07-01&to=2026-07-01&format=json");
        assertThat(asJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode document = json.readTree(asJson.body());
        assertThat(document.get("accountId").asLong()).isEqualTo(account);
        assertThat(document.get("incidents")).hasSize(1);
        JsonNode first = document.get("incidents").get(0);
        assertThat(first.get("title").asText()).isEqualTo(NASTY);
        assertThat(first.get("evidence")).extracting(d -> d.get("raw").asText()).containsExactly(NASTY + " 0", NASTY + " 1");
    }

    @Test
    void aYearOfIncidentsIsStreamedAcrossIncidentPagesAndEvidenceChunks() throws Exception {
        int incidents = ConsolidatedLogs.INCIDENT_PAGE * 2 + 50;
        List<IncidentFinding> findings = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            Instant at = DAY.minusSeconds(86_400L * (i % 300));
            findings.add(new IncidentFinding("sweep", account, "host-" + i, "Sweep " + i, "LOW", List.of(), at,
                    at.plusSeconds(10), Set.of("host-" + i), Set.of(), Set.of(), Set.of()));
        }
        recorder.record(account, findings, Map.of());
        int evidence = ConsolidatedLogs.EVIDENCE_CHUNK * 2 + 500;
        List<Long> ids = fixtures.detections(account, DAY.plusSeconds(3600), evidence, "e");
        fixtures.incident(account, "outbreak", "CRITICAL", "Outbreak", DAY.plusSeconds(3600),
                DAY.plusSeconds(3600 + evidence - 1), ids);

        HttpResponse<String> csv = download(account, "from=2025-07-02&to=2026-07-01&format=csv");

        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows).hasSize(1 + incidents + evidence);
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct()).hasSize(incidents + 1);
        assertThat(rows.stream().filter(r -> r.get(2).equals("outbreak")).map(r -> r.get(13)))
                .containsExactlyElementsOf(ids.stream().map(String::valueOf).toList());
        JsonNode document = json.readTree(download(account, "from=2025-07-02&to=2026-07-01&format=json").body());
        assertThat(document.get("incidents")).hasSize(incidents + 1);
    }

    /** RFC 4180, enough for the test: quoted cells with doubled quotes, commas and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("the body ends with a line break").isEmpty();
        return rows;
    }
}
