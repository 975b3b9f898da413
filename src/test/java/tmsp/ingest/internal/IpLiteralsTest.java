package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.144.199", "255.255.255.255", "::", "::1", "2001:db8::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1%eth0", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4", "1::", "A:B:C:D:E:F:0:1"})
    void acceptsAddressLiterals(String address) {
        assertThat(IpLiterals.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", "a.b.c.d", "localhost",
            ":", ":::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1", "fe80::1%",
            "::ffff:1.2.3", ":1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "\uFF11.2.3.4", "１::"})
    void rejectsEverythingElse(String address) {
        assertThat(IpLiterals.isValid(address)).isFalse();
    }
}
