package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /** The formatting as it was before its fast path, on the exact binary value only: the slow reference. */
    static String exactReference(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
        d = d.setScale(Math.max(0, digits - (d.precision() - d.scale())), RoundingMode.HALF_UP);
        if (Math.abs(v) >= Math.pow(10, digits - 1)) {
            d = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP);
        }
        String s = d.toPlainString();
        return s.startsWith("-") && d.signum() == 0 ? s.substring(1) : s;
    }

    @Test
    void printsWhatTheExactBinaryValueRoundsToAtAnyMagnitude() {
        qt().withExamples(20000)
                .forAll(
                        longs().between(Long.MIN_VALUE, Long.MAX_VALUE),
                        integers().between(1, 11))
                .checkAssert((bits, digits) -> {
                    double v = Double.longBitsToDouble(bits);
                    assertThat(Sig.of(v, digits)).as("%s, %d", v, digits).isEqualTo(exactReference(v, digits));
                });
        qt().withExamples(20000)
                .forAll(doubles().between(-1e7, 1e7), integers().between(1, 11))
                .checkAssert((v, digits) ->
                        assertThat(Sig.of(v, digits)).as("%s, %d", v, digits).isEqualTo(exactReference(v, digits)));
    }

    @Test
    void printsWhatTheExactBinaryValueRoundsToNextToTies() {
        // decimal ties m.5 × 10^k at the digit rounded, and the doubles on either side of each
        qt().withExamples(20000)
                .forAll(
                        integers().between(1, 99_999),
                        integers().between(-12, 8),
                        integers().between(1, 6))
                .checkAssert((m, k, digits) -> {
                    double tie = new BigDecimal(m)
                            .add(new BigDecimal("0.5"))
                            .scaleByPowerOfTen(k)
                            .doubleValue();
                    for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), -tie}) {
                        assertThat(Sig.of(v, digits)).as("%s, %d", v, digits).isEqualTo(exactReference(v, digits));
                    }
                });
        // powers of ten (where log10 may put the leading digit one place off) and the carries just below them
        for (int e = -30; e <= 30; e++) {
            double p = Double.parseDouble("1e" + e);
            for (int digits = 1; digits <= 6; digits++) {
                double carry = new BigDecimal(1)
                        .subtract(new BigDecimal("0.5").movePointLeft(digits))
                        .scaleByPowerOfTen(e)
                        .doubleValue();
                for (double v : new double[] {
                    p, Math.nextUp(p), Math.nextDown(p), carry, Math.nextUp(carry), Math.nextDown(carry)
                }) {
                    assertThat(Sig.of(v, digits)).as("%s, %d", v, digits).isEqualTo(exactReference(v, digits));
                }
            }
        }
        // 2.675 is 2.67499999999999982236431605997495353221893310546875: half-up on the exact value gives 2.67
        assertThat(Sig.of(2.675)).isEqualTo("2.67");
        assertThat(Sig.of(0.125, 2)).isEqualTo("0.13");
        assertThat(Sig.of(1.0e-7)).isEqualTo("0.000000100");
        assertThat(Sig.of(1.0e20)).isEqualTo("100000000000000000000");
        assertThat(Sig.of(1.2345678901234567e25)).isEqualTo(new BigDecimal(1.2345678901234567e25).toPlainString());
        assertThat(Sig.of(Double.MIN_VALUE, 1)).isEqualTo(exactReference(Double.MIN_VALUE, 1));
    }
}
