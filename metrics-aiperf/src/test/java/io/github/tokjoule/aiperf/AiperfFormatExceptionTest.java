package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AiperfFormatExceptionTest {

    @Test
    void namesFileLocationAndReason() {
        var cause = new IllegalStateException("boom");
        var e = new AiperfFormatException(
                "export.json", "$.time_to_first_token.unit", "unknown unit \"fortnights\"", cause);
        assertThat(e)
                .hasMessage("export.json: $.time_to_first_token.unit: unknown unit \"fortnights\"")
                .hasCause(cause);
        assertThat(e.source()).isEqualTo("export.json");
        assertThat(e.location()).isEqualTo("$.time_to_first_token.unit");
    }
}
