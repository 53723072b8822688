package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TegrastatsFormatExceptionTest {

    @Test
    void namesSourceLineAndText() {
        var e = new TegrastatsFormatException("orin.log", 12, "truncated rail", "RAM 1/2MB VDD_IN 5");
        assertThat(e).hasMessage("orin.log:12: truncated rail: RAM 1/2MB VDD_IN 5");
        assertThat(e.source()).isEqualTo("orin.log");
        assertThat(e.lineNumber()).isEqualTo(12);
    }

    @Test
    void longLinesAreShortenedInTheMessage() {
        String line = "x".repeat(1000);
        var e = new TegrastatsFormatException("a.log", 1, "garbage", line);
        assertThat(e.getMessage())
                .endsWith("x… (1000 characters)")
                .isEqualTo("a.log:1: garbage: " + "x".repeat(200) + "… (1000 characters)");
    }
}
