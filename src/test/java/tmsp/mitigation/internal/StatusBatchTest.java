package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.mitigation.EndpointStatus;

class StatusBatchTest {

    static final ObjectMapper json = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    static JsonNode tree(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    static StatusBatch.Entry entry(String text) throws Exception {
        return StatusBatch.entry(tree(text), NOW);
    }

    static String reason(String text) {
        return assertThatThrownBy(() -> entry(text)).isInstanceOf(StatusBatch.BadEntry.class)
                .actual().getMessage();
    }

    @Test
    void readsAGoodEntryByCodeOrPhraseWithAnInstantOrAnOffset() throws Exception {
        StatusBatch.Entry byCode = entry("{'ip':' 10.0.0.7 ','hostname':'pc-7','status':'manual_cleanup_needed',"
                + "'threat':'TROJ_GEN.R002C0','time':'2026-12-01T23:59:00Z'}");
        assertThat(byCode).isEqualTo(new StatusBatch.Entry("10.0.0.7", "pc-7", EndpointStatus.MANUAL_CLEANUP_NEEDED,
                "TROJ_GEN.R002C0", Instant.parse("2026-12-01T23:59:00Z")));
        StatusBatch.Entry byPhrase = entry("{'ip':'FE80::1','status':'No mitigation: mitigation exception',"
                + "'time':'2026-12-02T08:00:00+02:00','hostname':'','threat':null}");
        assertThat(byPhrase).isEqualTo(new StatusBatch.Entry("fe80::1", null, EndpointStatus.MITIGATION_EXCEPTION, null,
                Instant.parse("2026-12-02T06:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'status':'RESOLVED','time':'2026-12-01T00:00:00Z'}                          | ip is missing",
        "{'ip':'10.0.0.256','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}         | not an IPv4 or IPv6 address",
        "{'ip':'10.0.1','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}             | not an IPv4 or IPv6 address",
        "{'ip':'pc-7.corp.example','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}  | not an IPv4 or IPv6 address",
        "{'ip':'fe80::1%eth0','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}       | not an IPv4 or IPv6 address",
        "{'ip':'1:2:3:4:5:6:7:8:9','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}  | not an IPv4 or IPv6 address",
        "{'ip':7,'status':'RESOLVED','time':'2026-12-01T00:00:00Z'}                    | ip must be a string",
        "{'ip':'10.0.0.7','time':'2026-12-01T00:00:00Z'}                               | status is missing",
        "{'ip':'10.0.0.7','status':'Infected','time':'2026-12-01T00:00:00Z'}           | unknown status 'Infected'",
        "{'ip':'10.0.0.7','status':'RESOLVED'}                                         | time is missing",
        "{'ip':'10.0.0.7','status':'RESOLVED','time':'2026-12-01 10:00'}               | not an ISO-8601 date-time",
        "{'ip':'10.0.0.7','status':'RESOLVED','time':'2026-12-01T10:00:00'}            | not an ISO-8601 date-time",
        "{'ip':'10.0.0.7','status':'RESOLVED','time':'2026-12-03T06:00:01Z'}           | more than a day in the future",
        "{'ip':'10.0.0.7','status':'RESOLVED','time':'2026-12-01T00:00:00Z','threat':['x']} | threat must be a string",
        "{'ip':'.1:2::3','status':'RESOLVED','time':'2026-12-01T00:00:00Z'}            | not an IPv4 or IPv6 address",
        "[1, 2]                                                                        | not an object",
        "'10.0.0.7'                                                                    | not an object"})
    void refusesABadEntryWithItsReason(String entry, String reason) {
        assertThat(reason(entry)).contains(reason);
    }

    @Test
    void boundsTheTexts() throws Exception {
        String host = "h".repeat(255);
        assertThat(entry("{'ip':'::1','status':'RESOLVED','time':'2026-12-01T00:00:00Z','hostname':'" + host + "'}")
                .hostname()).isEqualTo(host);
        assertThat(reason("{'ip':'::1','status':'RESOLVED','time':'2026-12-01T00:00:00Z','hostname':'" + host + "h'}"))
                .isEqualTo("hostname is longer than 255 characters");
        assertThat(reason("{'ip':'::1','status':'RESOLVED','time':'2026-12-01T00:00:00Z','threat':'" + host + "t'}"))
                .isEqualTo("threat is longer than 255 characters");
        assertThat(entry("{'ip':'::1','status':'RESOLVED','time':'2026-12-03T06:00:00Z'}").time())
                .as("exactly a day ahead is still taken").isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
    }

    @Test
    void keepsTheGoodEntriesAndListsTheBadOnesByIndex() throws Exception {
        StatusBatch batch = StatusBatch.of(tree("{'statuses':["
                + "{'ip':'10.0.0.1','status':'RESOLVED','time':'2026-12-01T00:00:00Z'},"
                + "{'ip':'10.0.0.2','status':'Sleeping','time':'2026-12-01T00:00:00Z'},"
                + "{'ip':'::ffff:10.0.0.3','status':'Mitigation in progress','time':'2026-12-01T00:00:00Z'},"
                + "null]}"), 10, NOW);
        assertThat(batch.accepted()).extracting(StatusBatch.Entry::ip).containsExactly("10.0.0.1", "::ffff:10.0.0.3");
        assertThat(batch.rejected()).containsExactly(new StatusBatch.Rejection(1, "unknown status 'Sleeping'"),
                new StatusBatch.Rejection(3, "not an object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'statuses':{}}", "'text'", "42", "{'entries':[]}"})
    void refusesABodyThatIsNoList(String body) {
        assertThatThrownBy(() -> StatusBatch.of(tree(body), 10, NOW)).isInstanceOf(ApplianceApiRefusal.class)
                .extracting(e -> ((ApplianceApiRefusal) e).status()).isEqualTo(400);
    }

    @Test
    void refusesMoreEntriesThanABatchHolds() throws Exception {
        assertThat(StatusBatch.of(tree("[{},{}]"), 2, NOW).rejected()).hasSize(2);
        assertThatThrownBy(() -> StatusBatch.of(tree("[{},{},{}]"), 2, NOW)).isInstanceOf(ApplianceApiRefusal.class)
                .extracting(e -> ((ApplianceApiRefusal) e).status()).isEqualTo(413);
    }
}
