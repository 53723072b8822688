package io.github.tokjoule.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class EnergyPropertiesTest {

    /** A realistic cell: ISL, OSL, TTFT, decode time, P, P_prefill, P_decode, tok_s. */
    record Cell(double isl, double osl, double ttft, double decode, double p, double pPre, double pDec, double tokS) {
        double rl() {
            return ttft + decode;
        }
    }

    static Gen<Cell> cells() {
        Gen<Double> tokens = integers().between(1, 4096).map(i -> (double) i);
        Gen<Double> seconds = doubles().between(0.001, 60);
        Gen<Double> watts = doubles().between(0.1, 60);
        return tokens.zip(tokens, seconds, seconds, (isl, osl, ttft, dec) -> new double[] {isl, osl, ttft, dec})
                .zip(watts, watts, watts, (a, p, pp, pd) -> new Cell(a[0], a[1], a[2], a[3], p, pp, pd, a[1] / a[3]));
    }

    private static double rel(double x) {
        return 1e-12 * Math.max(1, Math.abs(x));
    }

    @Test
    void prefillPlusDecodeEqualsTotal() {
        qt().forAll(cells()).checkAssert(c -> {
            double total = TokenEnergy.totalJoules(c.p(), c.rl());
            double sum = TokenEnergy.prefillJoules(c.p(), c.ttft()) + TokenEnergy.decodeJoules(c.p(), c.ttft(), c.rl());
            assertThat(sum).isCloseTo(total, within(1e-12 * total));
            EnergyBreakdown b = EnergyBreakdown.of(
                    PhaseInputs.of(c.isl(), c.osl(), c.ttft(), c.rl(), c.p()).withPhaseWatts(c.pPre(), c.pDec()));
            assertThat(b.prefillJoules() + b.decodeJoules()).isCloseTo(b.totalJoules(), within(rel(b.totalJoules())));
            assertThat(b.prefillShare()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void millijoulesPerTokenTimesDecodeTokensPerJouleIsOneThousand() {
        qt().forAll(cells()).checkAssert(c -> {
            double decodeTokJ =
                    TokenEnergy.decodeTokensPerJoule(c.osl(), TokenEnergy.decodeJoules(c.pDec(), c.ttft(), c.rl()));
            assertThat(TokenEnergy.millijoulesPerOutputToken(decodeTokJ) * decodeTokJ)
                    .isCloseTo(1000, within(1e-9));
            EnergyBreakdown b = EnergyBreakdown.of(PhaseInputs.of(c.isl(), c.osl(), c.ttft(), c.rl(), c.p()));
            assertThat(b.millijoulesPerOutputToken() * b.decodeTokensPerJoule()).isCloseTo(1000, within(1e-9));
        });
    }

    @Test
    void everyOutputTokJVariantScalesAsOneOverPower() {
        qt().forAll(cells(), doubles().between(0.01, 100)).checkAssert((c, k) -> {
            double req = TokenEnergy.requestOutputTokensPerJoule(c.osl(), c.p(), c.rl());
            double dec = TokenEnergy.decodePhaseOutputTokensPerJoule(c.osl(), c.p(), c.ttft(), c.rl());
            double thr = TokenEnergy.throughputOutputTokensPerJoule(c.tokS(), c.p());
            assertThat(TokenEnergy.requestOutputTokensPerJoule(c.osl(), k * c.p(), c.rl()))
                    .isCloseTo(req / k, within(1e-12 * req / k));
            assertThat(TokenEnergy.decodePhaseOutputTokensPerJoule(c.osl(), k * c.p(), c.ttft(), c.rl()))
                    .isCloseTo(dec / k, within(1e-12 * dec / k));
            assertThat(TokenEnergy.throughputOutputTokensPerJoule(c.tokS(), k * c.p()))
                    .isCloseTo(thr / k, within(1e-12 * thr / k));
        });
    }

    @Test
    void requestIsAtMostDecodePhaseWhenDecodePowerIsTheWindowPower() {
        qt().forAll(cells()).checkAssert(c -> {
            EnergyBreakdown b = EnergyBreakdown.of(PhaseInputs.of(c.isl(), c.osl(), c.ttft(), c.rl(), c.p()));
            assertThat(b.outputTokensPerJoule(OutputTokJVariant.REQUEST))
                    .isLessThanOrEqualTo(b.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE));
            assertThat(TokenEnergy.requestOutputTokensPerJoule(c.osl(), c.p(), c.rl()))
                    .isLessThanOrEqualTo(TokenEnergy.decodePhaseOutputTokensPerJoule(c.osl(), c.p(), c.ttft(), c.rl()));
        });
    }

    @Test
    void ratioOfSumsLiesBetweenTheSmallestAndLargestRequestRatio() {
        Gen<List<double[]>> requests = lists().of(
                        doubles().between(0, 1000).zip(doubles().between(0.01, 100), (t, j) -> new double[] {t, j}))
                .ofSizeBetween(1, 30);
        qt().forAll(requests).checkAssert(rs -> {
            double[] tokens = rs.stream().mapToDouble(r -> r[0]).toArray();
            double[] joules = rs.stream().mapToDouble(r -> r[1]).toArray();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double[] r : rs) {
                min = Math.min(min, r[0] / r[1]);
                max = Math.max(max, r[0] / r[1]);
            }
            assertThat(TokenEnergy.tokensPerJouleOfSums(tokens, joules))
                    .isBetween(min * (1 - 1e-12), max * (1 + 1e-12));
        });
    }
}
