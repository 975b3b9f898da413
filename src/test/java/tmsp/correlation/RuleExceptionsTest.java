package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tmsp.correlation.RuleException.Kind;
import tmsp.incident.IncidentFinding;

/** Matching rule exceptions against findings, without Spring. */
class RuleExceptionsTest {

    static final String RULE = "malware-outbreak";
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    static RuleException exception(Kind kind, String pattern) {
        return exception(RULE, kind, pattern, null);
    }

    static RuleException exception(String rule, Kind kind, String pattern, LocalDate until) {
        return new RuleException(7L, rule, kind, pattern, until, "lab", "alice");
    }

    static IncidentFinding finding(Set<String> hosts, Set<String> addresses, Set<String> threats) {
        return new IncidentFinding(RULE, 1, "g", "t", "HIGH", List.of(), Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:05:00Z"), hosts, addresses, threats, Set.of(1L));
    }

    static boolean suppressed(RuleException e, IncidentFinding f) {
        return RuleExceptions.suppressing(List.of(e), f, DAY).isPresent();
    }

    static IncidentFinding hosts(String... hosts) {
        return finding(Set.of(hosts), Set.of(), Set.of());
    }

    static IncidentFinding addresses(String... addresses) {
        return finding(Set.of(), Set.of(addresses), Set.of());
    }

    static IncidentFinding threats(String... threats) {
        return finding(Set.of(), Set.of(), Set.of(threats));
    }

    @Test
    void aHostMatchesWithoutCaseAndWithStars() {
        assertThat(suppressed(exception(Kind.HOST, "PC-1"), hosts("pc-1"))).isTrue();
        assertThat(suppressed(exception(Kind.HOST, "pc-1"), hosts("pc-10"))).as("whole name").isFalse();
        assertThat(suppressed(exception(Kind.HOST, "lab-*"), hosts("web-1", "LAB-PC-3"))).as("any of them").isTrue();
        assertThat(suppressed(exception(Kind.HOST, "*.lab.example"), hosts("pc.lab.example"))).isTrue();
        assertThat(suppressed(exception(Kind.HOST, "*.lab.example"), hosts("pc.lab.example.org"))).isFalse();
        assertThat(suppressed(exception(Kind.HOST, "pc*-*1"), hosts("pc-a-b-1"))).isTrue();
        assertThat(suppressed(exception(Kind.HOST, "*"), hosts("anything"))).isTrue();
        assertThat(suppressed(exception(Kind.HOST, "*"), hosts())).as("an incident without hosts").isFalse();
        assertThat(suppressed(exception(Kind.HOST, "pc.1"), hosts("pcx1"))).as("a dot is a dot, not a regex").isFalse();
    }

    @Test
    void aThreatNameMatchesWithoutCaseAndWithStars() {
        assertThat(suppressed(exception(Kind.THREAT, "eicar-test-file"), threats("EICAR-Test-File"))).isTrue();
        assertThat(suppressed(exception(Kind.THREAT, "Troj/Qakbot*"), threats("TROJ/QAKBOT-A"))).isTrue();
        assertThat(suppressed(exception(Kind.THREAT, "Troj/Qakbot*"), threats("Mal/Qakbot-A"))).isFalse();
        assertThat(suppressed(exception(Kind.THREAT, "(a+)+$ [x] \\d"), threats("(a+)+$ [x] \\d")))
                .as("regex characters are literal").isTrue();
        assertThat(suppressed(exception(Kind.THREAT, "(a+)+$"), threats("aaaa"))).isFalse();
    }

    @Test
    void manyStarsAgainstALongNameStayFast() {
        String stars = "*a".repeat(99) + "*";
        String value = "a".repeat(98) + "b".repeat(10_000);
        assertThatCode(() -> assertThat(suppressed(exception(Kind.THREAT, stars), threats(value))).isFalse())
                .doesNotThrowAnyException();
        assertThat(RuleExceptions.wildcard(stars, "a".repeat(99))).isTrue();
    }

    @Test
    void anAddressMatchesHoweverItIsWritten() {
        assertThat(suppressed(exception(Kind.ADDRESS, "10.1.2.3"), addresses("10.1.2.3"))).isTrue();
        assertThat(suppressed(exception(Kind.ADDRESS, "10.1.2.3"), addresses("10.1.2.30"))).isFalse();
        assertThat(suppressed(exception(Kind.ADDRESS, "010.001.002.003"), addresses("10.1.2.3"))).isTrue();
        assertThat(suppressed(exception(Kind.ADDRESS, "2001:db8::1"), addresses("2001:0DB8:0:0:0:0:0:0001"))).isTrue();
        assertThat(suppressed(exception(Kind.ADDRESS, "::ffff:10.1.2.3"), addresses("10.1.2.3")))
                .as("an IPv4-mapped IPv6 address is the IPv4 address").isTrue();
        assertThat(suppressed(exception(Kind.ADDRESS, "2001:db8::1"), addresses("2001:db8::2"))).isFalse();
    }

    @Test
    void aCidrRangeHoldsItsAddressesInIpv4AndIpv6() {
        RuleException lab = exception(Kind.CIDR, "10.1.0.0/16");
        assertThat(suppressed(lab, addresses("10.1.255.255"))).isTrue();
        assertThat(suppressed(lab, addresses("10.1.0.0"))).isTrue();
        assertThat(suppressed(lab, addresses("10.2.0.0"))).isFalse();
        assertThat(suppressed(lab, addresses("10.0.255.255"))).isFalse();
        assertThat(suppressed(exception(Kind.CIDR, "10.1.2.3/32"), addresses("10.1.2.3"))).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "10.1.2.3/32"), addresses("10.1.2.4"))).isFalse();
        assertThat(suppressed(exception(Kind.CIDR, "10.1.2.3/8"), addresses("10.200.0.1"))).as("host bits ignored").isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "0.0.0.0/0"), addresses("203.0.113.5"))).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "0.0.0.0/0"), addresses("2001:db8::1"))).as("IPv4 only").isFalse();

        RuleException v6 = exception(Kind.CIDR, "2001:db8:abcd::/48");
        assertThat(suppressed(v6, addresses("2001:DB8:ABCD:ffff::1"))).isTrue();
        assertThat(suppressed(v6, addresses("2001:db8:abce::1"))).isFalse();
        assertThat(suppressed(v6, addresses("10.1.2.3"))).isFalse();
        assertThat(suppressed(exception(Kind.CIDR, "::/0"), addresses("2001:db8::1"))).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "2001:db8::1/128"), addresses("2001:db8:0::1"))).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "2001:db8::/33"), addresses("2001:db8:7fff::1"))).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "2001:db8::/33"), addresses("2001:db8:8000::1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.1.2", "10.1.2.3.4", "1.2.3.999", "10.1.2.3/8", "localhost", "example.org",
            "::1%eth0", "fe80::1%1", "[::1]", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "12345::", "0x0a.1.2.3",
            "10.1.2.3 ", "\u0000", "10.1.2.3\n10.1.2.4", "aaaa", "::ffff:999.1.1.1", "1.2.3.4.", ".1.2.3.4",
            "١٠.1.2.3", "gggg::1"})
    void malformedAddressesNeverMatchAndNeverThrow(String address) {
        IncidentFinding f = addresses(address);
        assertThatCode(() -> {
            assertThat(suppressed(exception(Kind.CIDR, "0.0.0.0/0"), f)).isEqualTo(isPlainV4(address));
            assertThat(suppressed(exception(Kind.CIDR, "::/0"), f)).isFalse();
            assertThat(suppressed(exception(Kind.ADDRESS, "10.1.2.3"), f)).isEqualTo(address.strip().equals("10.1.2.3"));
        }).doesNotThrowAnyException();
    }

    private static boolean isPlainV4(String address) {
        return address.strip().equals("10.1.2.3"); // the only well-formed IPv4 address of the list, with a blank
    }

    @Test
    void anExceptionStopsAfterItsLastDay() {
        RuleException untilDay = exception(RULE, Kind.HOST, "pc-1", DAY);
        assertThat(RuleExceptions.suppressing(List.of(untilDay), hosts("pc-1"), DAY)).isPresent();
        assertThat(RuleExceptions.suppressing(List.of(untilDay), hosts("pc-1"), DAY.minusDays(30))).isPresent();
        assertThat(RuleExceptions.suppressing(List.of(untilDay), hosts("pc-1"), DAY.plusDays(1))).isEmpty();
        assertThat(RuleExceptions.suppressing(List.of(exception(Kind.HOST, "pc-1")), hosts("pc-1"),
                LocalDate.of(2999, 12, 31))).as("no end").isPresent();
        assertThat(RuleExceptions.suppressing(List.of(exception(Kind.HOST, "pc-1")), hosts("pc-1"), null))
                .as("no day, no verdict").isEmpty();
    }

    @Test
    void anotherRulesExceptionNeverApplies() {
        RuleException other = exception("brute-force", Kind.HOST, "*", null);
        assertThat(RuleExceptions.suppressing(List.of(other), hosts("pc-1"), DAY)).isEmpty();
        assertThat(RuleExceptions.suppressing(List.of(exception("malware-outbreak-2", Kind.HOST, "*", null)),
                hosts("pc-1"), DAY)).as("not a prefix match of the rule id").isEmpty();
    }

    @Test
    void theFirstMatchingExceptionIsTheOneNamed() {
        RuleException first = new RuleException(1L, RULE, Kind.HOST, "pc-*", null, null, "alice");
        RuleException second = new RuleException(2L, RULE, Kind.THREAT, "*", null, null, "bob");
        RuleException other = new RuleException(3L, "brute-force", Kind.HOST, "*", null, null, "bob");
        IncidentFinding f = finding(Set.of("pc-1"), Set.of(), Set.of("Troj/X"));

        assertThat(RuleExceptions.suppressing(List.of(other, first, second), f, DAY)).contains(first);
        assertThat(RuleExceptions.suppressing(List.of(other), f, DAY)).isEmpty();
        assertThat(RuleExceptions.suppressing(List.of(), f, DAY)).isEmpty();
        assertThat(RuleExceptions.suppressing(null, f, DAY)).isEmpty();
    }

    @Test
    void nullValuesInAFindingAreSkipped() {
        java.util.Set<String> withNull = new java.util.HashSet<>();
        withNull.add(null);
        withNull.add("pc-1");
        IncidentFinding f = finding(withNull, withNull, withNull);
        assertThat(suppressed(exception(Kind.HOST, "pc-1"), f)).isTrue();
        assertThat(suppressed(exception(Kind.CIDR, "10.0.0.0/8"), f)).isFalse();
        IncidentFinding none = finding(null, null, null);
        assertThat(suppressed(exception(Kind.HOST, "*"), none)).isFalse();
        assertThat(suppressed(exception(Kind.ADDRESS, "10.1.2.3"), none)).isFalse();
    }

    @Test
    void hostileExceptionsAreRefusedByTheRecordItself() {
        assertThatThrownBy(() -> exception(Kind.HOST, "pc-1; drop table")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception(Kind.HOST, "x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception(Kind.CIDR, "10.1.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception(Kind.CIDR, "10.1.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception(Kind.ADDRESS, "example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception(Kind.THREAT, "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exception("Bad Rule", Kind.HOST, "pc", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAcceptedButOddPatternNeverThrowsWhenMatched() {
        // The record lets these through (IPv6-looking text); matching must still be safe.
        for (String odd : List.of("::::", "1::2::3", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")) {
            RuleException e = new RuleException(1L, RULE, Kind.ADDRESS, odd.replace("::::", "::"), null, null, "a");
            assertThatCode(() -> suppressed(e, addresses("::", "10.1.2.3"))).doesNotThrowAnyException();
        }
        RuleException mapped = new RuleException(1L, RULE, Kind.CIDR, "::ffff:10.0.0.0/104", null, null, "a");
        assertThatCode(() -> assertThat(suppressed(mapped, addresses("10.0.0.1"))).isFalse()).doesNotThrowAnyException();
    }

    @Test
    void describeNamesKindPatternVersionAndComment() {
        RuleException e = new RuleException(9L, RULE, Kind.CIDR, "10.1.0.0/16", DAY, "the lab", "alice");
        assertThat(RuleExceptions.describe(e, "v4")).isEqualTo("CIDR 10.1.0.0/16 until 2026-11-20 (v4: the lab)");
        RuleException longComment = new RuleException(9L, RULE, Kind.HOST, "pc", null, "x".repeat(500), "alice");
        assertThat(RuleExceptions.describe(longComment, "v4")).hasSize(300).endsWith("…");
    }
}
