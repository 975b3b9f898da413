package tmsp.mitigation.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountPageSection;
import tmsp.mitigation.CaseStatus;

/**
 * The account page's "Threat mitigation" card: open cases, cases waiting for an administrator, yesterday's
 * nonconforming endpoints, and the way to the Case List and the nonconforming endpoints page. Two statements.
 */
@Component
class MitigationSection implements AccountPageSection {

    /** Where the next step is an administrator's: review and send the sample, deploy or re-issue the pattern. */
    static final List<CaseStatus> NEEDS_ADMINISTRATOR = List.of(CaseStatus.SAMPLE_RECEIVED,
            CaseStatus.SAMPLE_DOWNLOADED, CaseStatus.PATTERN_RECEIVED, CaseStatus.DEPLOYMENT_FAILED);

    private final NamedParameterJdbcTemplate jdbc;
    private final NonconformingQuery nonconforming;
    private final ZoneId zone;

    MitigationSection(NamedParameterJdbcTemplate jdbc, NonconformingQuery nonconforming,
                      @Value("${tmsp.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.nonconforming = nonconforming;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public String fragment() {
        return "mitigation/card :: section";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> model(long accountId) {
        MapSqlParameterSource params = new MapSqlParameterSource("account", accountId)
                .addValue("closed", List.of(CaseStatus.CLOSED.name(), CaseStatus.DISMISSED.name()))
                .addValue("waiting", NEEDS_ADMINISTRATOR.stream().map(Enum::name).toList());
        Map<String, Object> cases = jdbc.queryForMap("""
                select coalesce(sum(case when status not in (:closed) then 1 else 0 end), 0) as open_cases,
                       coalesce(sum(case when status in (:waiting) then 1 else 0 end), 0) as waiting
                from mitigation_cases where account_id = :account
                """, params);
        ReportingDays.Period yesterday = ReportingDays.before(LocalDate.now(zone), zone).yesterday();
        return Map.of("accountId", accountId,
                "openCases", ((Number) cases.get("open_cases")).longValue(),
                "waitingCases", ((Number) cases.get("waiting")).longValue(),
                "nonconformingYesterday", nonconforming.endpointsBetween(accountId, yesterday.start(), yesterday.end()));
    }
}
