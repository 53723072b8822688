package io.github.tokjoule.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link FlagRules#fmt(double)}'s hand-made rounding against the formatter it replaces, {@code String.format(ROOT,
 * "%.3f")} with trailing zeros and point stripped by a regular expression (the implementation before round 5), on
 * values chosen to hit ties, signs, zeros and the fall-back ranges.
 */
class FlagNumberFormatPropertyTest {

    /** The former implementation, kept as the reference. */
    private static String reference(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void agreesWithTheFormatterOnTypicalValues() {
        qt().withExamples(20_000).forAll(doubles().between(-1e4, 1e4)).checkAssert(FlagNumberFormatPropertyTest::same);
    }

    @Test
    void agreesWithTheFormatterAcrossMagnitudes() {
        // v = m · 10^e: from 10^-8 to beyond the hand path's 10^9 bound, both signs.
        Gen<Double> spread = doubles().between(-1, 1).zip(integers().between(-8, 12), (m, e) -> m * Math.pow(10, e));
        qt().withExamples(20_000).forAll(spread).checkAssert(FlagNumberFormatPropertyTest::same);
    }

    @Test
    void agreesWithTheFormatterAtAndNearTies() {
        // k/1000 + 1/2000 is a tie of the third decimal; its neighbours a few ulps away straddle it.
        Gen<Double> ties = longs().between(-2_000_000_000L, 2_000_000_000L)
                .zip(integers().between(-4, 4), (k, ulps) -> {
                    double tie = k / 1000.0 + 0.0005;
                    double v = tie;
                    for (int i = 0; i < Math.abs(ulps); i++) {
                        v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
                    }
                    return v;
                });
        qt().withExamples(20_000).forAll(ties).checkAssert(FlagNumberFormatPropertyTest::same);
    }

    @Test
    void agreesWithTheFormatterOnWholeNumbersAndRawBits() {
        qt().withExamples(5_000).forAll(integers().between(-100_000, 100_000)).checkAssert(i -> same((double) i));
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(bits -> same(Double.longBitsToDouble(bits)));
    }

    @Test
    void specialValues() {
        for (double v : new double[] {
            0.0,
            -0.0,
            -1e-4,
            -5e-4,
            5e-4,
            2.5e-4,
            1.0005,
            -1.9996,
            999_999_999.9995,
            1e9,
            1e9 + 0.0005,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        }) {
            same(v);
        }
        // By hand: the formatter writes -0.0 and -0.0001 as "-0.000"; stripped, "-0".
        assertThat(FlagRules.fmt(-0.0)).isEqualTo("-0");
        assertThat(FlagRules.fmt(-1e-4)).isEqualTo("-0");
        assertThat(FlagRules.fmt(1.0005)).isEqualTo("1.001"); // the decimal digits 1.0005 round half up
        assertThat(FlagRules.fmt(2.5e-4)).isEqualTo("0");
    }

    private static void same(double v) {
        assertThat(FlagRules.fmt(v)).as("fmt(%s)", v).isEqualTo(reference(v));
    }
}
