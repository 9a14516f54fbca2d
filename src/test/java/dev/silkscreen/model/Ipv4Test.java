package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Ipv4Test {

    @Test
    void parsesWhatFormatWritesForAnyAddress() {
        Random r = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            int ip = r.nextInt();
            assertThat(Ipv4.parse(Ipv4.format(ip))).isEqualTo(ip);
        }
        assertThat(Ipv4.parse(" 10.255.0.1\t")).isEqualTo(0x0AFF0001);
        assertThat(Ipv4.parse("255.255.255.255")).isEqualTo(-1);
        assertThat(Ipv4.parse("010.0.0.1")).isEqualTo(0x0A000001);
    }

    @Test
    void refusesWhatIsNotFourDecimalOctets() {
        for (String bad : new String[] {"", " ", "10.255.0", "10.255.0.1.2", "10.255.0.256", "10..0.1", ".10.0.0.1", "10.0.0.1.",
            "10.0.0.+1", "10.0.0.-1", "10.0.0.1x", "10.0.0.0001", "a.b.c.d", "10.0.0.٣", "10 .0.0.1"}) {
            assertThatThrownBy(() -> Ipv4.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an IPv4 address: " + bad);
        }
    }
}
