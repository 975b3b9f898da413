package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tmsp.mitigation.CaseStatus;

class CaseListFormTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void withoutParametersTheNewestCasesComeFirst() {
        CaseListForm.Parsed parsed = new CaseListForm(null, null, null, null, null, null, null, null).parse(3, ZONE);

        assertThat(parsed.problems()).isEmpty();
        CaseListQuery.Request request = parsed.request();
        assertThat(request.accountId()).isEqualTo(3);
        assertThat(request.sort()).isEqualTo("received");
        assertThat(request.ascending()).isFalse();
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(CaseListForm.DEFAULT_SIZE);
        assertThat(request.status()).isNull();
        assertThat(request.receivedFrom()).isNull();
    }

    @Test
    void theFilterIsReadInThePortalsZoneWithTheLastDayIncluded() {
        CaseListQuery.Request request = new CaseListForm("sample_downloaded", " 10.0.0.5 ", "2026-11-01", "2026-11-02",
                "endpoint", null, "2", "10").parse(3, ZONE).request();

        assertThat(request.status()).isEqualTo(CaseStatus.SAMPLE_DOWNLOADED);
        assertThat(request.text()).isEqualTo("10.0.0.5");
        assertThat(request.receivedFrom()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(request.receivedTo()).isEqualTo(Instant.parse("2026-11-02T23:00:00Z"));
        assertThat(request.sort()).isEqualTo("endpoint");
        assertThat(request.ascending()).as("a chosen column without a direction").isTrue();
        assertThat(request.page()).isEqualTo(2);
        assertThat(request.size()).isEqualTo(10);
    }

    @Test
    void whatCannotBeReadIsIgnoredAndNamed() {
        CaseListForm.Parsed parsed = new CaseListForm("OPEN'; drop table x", null, "yesterday", "2026-13-01",
                "sample_file", "sideways", "-4", "1000000").parse(3, ZONE);

        assertThat(parsed.problems()).containsExactly("mitigation.cases.filter.badStatus",
                "mitigation.cases.filter.badDate", "mitigation.cases.filter.badDate");
        CaseListQuery.Request request = parsed.request();
        assertThat(request.status()).isNull();
        assertThat(request.receivedFrom()).isNull();
        assertThat(request.receivedTo()).isNull();
        assertThat(request.sort()).as("not a whitelisted column").isEqualTo("received");
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(CaseListQuery.MAX_SIZE);
        assertThat(new CaseListForm(null, null, "2026-11-05", "2026-11-01", null, null, "x", "y").parse(3, ZONE).problems())
                .containsExactly("mitigation.cases.filter.badRange");
    }
}
