package io.github.tokjoule.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The records whose {@code equals} and {@code hashCode} are written out by hand (to spare a cold command their
 * method-handle bootstrap) against records of the same components whose methods the compiler generates: the same
 * equality, and the same hash, so that no hash-ordered iteration changes either.
 */
class WrittenOutRecordMethodsTest {

    private record GeneratedCellId(String model, String modeLabel, String backend, int in, int out) {}

    private record GeneratedShape(int in, int out) {}

    private record GeneratedCi(double low, double high) {}

    private record GeneratedFlag(AccuracyFlag flag, Severity severity, Map<String, Double> numbers, String reason) {}

    private static final Gen<String> NAMES = strings().basicLatinAlphabet().ofLengthBetween(1, 6);
    private static final Gen<Integer> TOKENS = integers().between(1, 5);

    @Test
    void cellIdAgreesWithTheGeneratedMethods() {
        Gen<CellId> ids = NAMES.zip(NAMES, NAMES, (m, l, b) -> new String[] {"m" + m, "l" + l, "b" + b})
                .zip(TOKENS, TOKENS, (n, i, o) -> CellId.of(n[0], n[1], n[2], i, o));
        qt().withExamples(2_000).forAll(ids, ids).checkAssert((x, y) -> {
            GeneratedCellId gx = new GeneratedCellId(
                    x.model(), x.modeLabel(), x.backend(), x.targetInputTokens(), x.targetOutputTokens());
            GeneratedCellId gy = new GeneratedCellId(
                    y.model(), y.modeLabel(), y.backend(), y.targetInputTokens(), y.targetOutputTokens());
            assertThat(x.hashCode()).isEqualTo(gx.hashCode());
            assertThat(x.equals(y)).isEqualTo(gx.equals(gy));
            assertThat(x)
                    .isEqualTo(CellId.of(
                            x.model(), x.modeLabel(), x.backend(), x.targetInputTokens(), x.targetOutputTokens()));
        });
    }

    @Test
    void shapeAgreesWithTheGeneratedMethods() {
        Gen<CellShape> shapes = TOKENS.zip(TOKENS, CellShape::of);
        qt().withExamples(500).forAll(shapes, shapes).checkAssert((x, y) -> {
            GeneratedShape gx = new GeneratedShape(x.targetInputTokens(), x.targetOutputTokens());
            GeneratedShape gy = new GeneratedShape(y.targetInputTokens(), y.targetOutputTokens());
            assertThat(x.hashCode()).isEqualTo(gx.hashCode());
            assertThat(x.equals(y)).isEqualTo(gx.equals(gy));
        });
    }

    @Test
    void ciAgreesWithTheGeneratedMethodsZerosAndInfinityIncluded() {
        Gen<Double> ends = doubles().between(0, 3).map(d -> Math.floor(d * 2) / 2);
        Gen<Ci95> cis = ends.zip(
                ends,
                integers().between(0, 3),
                (a, w, inf) -> inf == 0 ? Ci95.of(a, Double.POSITIVE_INFINITY) : Ci95.of(a, a + w));
        qt().withExamples(2_000).forAll(cis, cis).checkAssert((x, y) -> {
            GeneratedCi gx = new GeneratedCi(x.low(), x.high());
            GeneratedCi gy = new GeneratedCi(y.low(), y.high());
            assertThat(x.hashCode()).isEqualTo(gx.hashCode());
            assertThat(x.equals(y)).isEqualTo(gx.equals(gy));
        });
        // -0.0 and +0.0 differ, as Double.compare (the generated equals) says.
        assertThat(Ci95.of(-0.0, 1)).isNotEqualTo(Ci95.of(0.0, 1));
        assertThat(new GeneratedCi(-0.0, 1)).isNotEqualTo(new GeneratedCi(0.0, 1));
    }

    @Test
    void flagAgreesWithTheGeneratedMethods() {
        Gen<Flag> flags = integers()
                .between(0, 2)
                .zip(
                        integers().between(0, 2),
                        NAMES,
                        (f, n, r) -> new Flag(
                                AccuracyFlag.values()[f],
                                Severity.values()[f % Severity.values().length],
                                Map.of("n", (double) n),
                                "r" + r));
        qt().withExamples(1_000).forAll(flags, flags).checkAssert((x, y) -> {
            GeneratedFlag gx = new GeneratedFlag(x.flag(), x.severity(), x.numbers(), x.reason());
            GeneratedFlag gy = new GeneratedFlag(y.flag(), y.severity(), y.numbers(), y.reason());
            assertThat(x.hashCode()).isEqualTo(gx.hashCode());
            assertThat(x.equals(y)).isEqualTo(gx.equals(gy));
        });
    }
}
