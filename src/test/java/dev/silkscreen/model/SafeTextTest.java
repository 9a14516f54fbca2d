package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void plainTextComesBackAsTheSameObject() {
        String s = "AppB 10.255.77.2:46061 → AppA µs ✓";
        assertThat(SafeText.line(s)).isSameAs(s);
    }

    @Test
    void terminalControlsBecomeVisibleEscapes() {
        assertThat(SafeText.line("a\u001b]0;t\u0007b\r\n\tc\u007f\u009b")).isEqualTo("a\\x1b]0;t\\x07b\\r\\n\\tc\\x7f\\x9b");
    }

    @Test
    void bidiOverridesAndLineSeparatorsAreEscaped() {
        assertThat(SafeText.line("x\u202ey\u2066z\u200f\u2028\u061c")).isEqualTo("x\\u202ey\\u2066z\\u200f\\u2028\\u061c");
    }

    @Test
    void escapingInPlaceLeavesThePrefixAlone() {
        StringBuilder sb = new StringBuilder("\u001bkept ").append("cut\nhere");
        SafeText.escape(sb, 6);
        assertThat(sb.toString()).isEqualTo("\u001bkept cut\\nhere");
    }

    @Test
    void nullStaysNull() {
        assertThat(SafeText.line((String) null)).isNull();
    }
}
