package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SigTest {

    @Test
    void threeSignificantFiguresWithoutRoundingAwayWholeDigits() {
        // The examples: "251.018 ms" and "36.111 tokens is 43.576 %".
        assertThat(Sig.of(251.018)).isEqualTo("251");
        assertThat(Sig.of(36.111)).isEqualTo("36.1");
        assertThat(Sig.of(43.576)).isEqualTo("43.6");
        assertThat(Sig.of(1234.5)).isEqualTo("1235");
        assertThat(Sig.of(0.012345)).isEqualTo("0.0123");
        assertThat(Sig.of(2.0)).isEqualTo("2.00");
        assertThat(Sig.of(99.96)).isEqualTo("100");
        assertThat(Sig.of(-0.0004, 1)).isEqualTo("-0.0004");
        assertThat(Sig.of(0)).isEqualTo("0");
        assertThat(Sig.of(Double.NaN)).isEmpty();
        assertThat(Sig.of(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(Sig.of(28.763, 5)).isEqualTo("28.763");
    }

    @Test
    void proseKeepsThreeSignificantFiguresAndLeavesNamesVersionsAndTimesAlone() {
        // The flag reasons, as FlagRules writes them (three decimals).
        assertThat(Sig.prose("sample time(s) reconstructed from 1 s stamps (uncertainty up to 251.018 ms)"))
                .isEqualTo("sample time(s) reconstructed from 1 s stamps (uncertainty up to 251 ms)");
        assertThat(Sig.prose("realised output length 36.111 tokens is 43.576 % below the target 64."))
                .isEqualTo("realised output length 36.1 tokens is 43.6 % below the target 64.");
        assertThat(Sig.prose("interval is ±18.528 % (more than ±10 %); off by -9.492 h"))
                .isEqualTo("interval is ±18.5 % (more than ±10 %); off by -9.49 h");
        // Short numbers keep their digits (nothing is added); whole digits stay.
        assertThat(Sig.prose("2.0 W, 0.52 J, 0.0123 s, 1234.5 ms")).isEqualTo("2.0 W, 0.52 J, 0.0123 s, 1235 ms");
        // Names, versions, dates, times and paths are not numbers.
        String names = "qwen2.5-0.5b on R36.4.3 (aiperf 0.10.0) at 2026-05-27T05:30:03.504623Z in a/ctx2048/1.2345";
        assertThat(Sig.prose(names)).isEqualTo(names);
    }

    @Test
    void theDigitsAreWithinHalfAUnitOfTheLastPrintedDigit() {
        qt().forAll(doubles().between(-1e7, 1e7)).checkAssert(v -> {
            String s = Sig.of(v);
            BigDecimal printed = new BigDecimal(s);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, printed.scale()));
            assertThat(printed.subtract(new BigDecimal(v)).abs())
                    .isLessThanOrEqualTo(unit.divide(BigDecimal.valueOf(2)));
            String digits = s.replace("-", "").replace(".", "").replaceFirst("^0+", "");
            if (s.contains(".")) {
                assertThat(digits.length()).as(s).isLessThanOrEqualTo(3);
            }
        });
    }
}
