package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.1, false", "192.168.1.0/24, 192.168.1.255, true",
            "192.168.1.0/24, 192.168.2.0, false", "192.168.1.128/25, 192.168.1.127, false",
            "192.168.1.128/25, 192.168.1.200, true", "0.0.0.0/0, 8.8.8.8, true", "10.1.2.3/32, 10.1.2.3, true",
            "10.1.2.3/32, 10.1.2.4, false", "10.1.2.3, 10.1.2.3, true",
            "2001:db8::/32, 2001:db8:1::5, true", "2001:db8::/32, 2001:db9::1, false", "::1/128, ::1, true",
            "fe80::/10, FE80::1:2, true", "fe80::/10, fec0::1, false", "::ffff:0:0/96, ::ffff:10.0.0.1, true",
            "2001:db8::/48, 2001:0db8:0000:0000:0000:0000:0000:0001, true", "::/0, 1::, true",
            // the other family is never inside
            "10.0.0.0/8, ::ffff:10.0.0.1, false", "::/0, 10.0.0.1, false"})
    void containsAddressesOfItsFamily(String cidr, String address, boolean inside) {
        assertThat(Cidr.contains(cidr, address)).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.0.0", "10.0.0.256", "10.0.0.1.2", "10.0.0.-1", "1:2:3:4:5:6:7:8:9", "1::2::3",
            "12345::1", "g::1", "localhost", "example.com", "10.0.0.1/8", "::1%eth0", "10.0.0.01x", ":::"})
    void malformedAddressesAreOutside(String address) {
        assertThat(Cidr.contains("0.0.0.0/0", address)).isFalse();
        assertThat(Cidr.contains("::/0", address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "host/8", "/8", "",
            "10.0.0.0/-1", "10.0.0.0/8/8"})
    void malformedRangesAreRefusedAndMatchNothing(String cidr) {
        assertThatThrownBy(() -> Cidr.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.contains(cidr, "10.0.0.1")).isFalse();
    }

    @Test
    void nullsAreOutside() {
        assertThat(Cidr.contains("10.0.0.0/8", null)).isFalse();
        assertThat(Cidr.contains(null, "10.0.0.1")).isFalse();
    }
}
