package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void oneNumberOfDecimalsPerAxis() {
        // The demo's tok/s axes read "0, 50.0, 100, 150, 200": three significant figures per label, not per axis.
        assertThat(SvgPlot.tickLabels(SvgPlot.scale(0, 165).ticks())).containsExactly("0", "50", "100", "150", "200");
        // step 2.5 (range 12.3 / 5 = 2.46 -> 2.5), so one decimal everywhere: 10.0, not 10
        assertThat(SvgPlot.tickLabels(SvgPlot.scale(0, 12.3).ticks()))
                .containsExactly("0", "2.5", "5.0", "7.5", "10.0", "12.5");
        // step 0.05 summed from 0 gives 0.15000000000000002: printed as the step's multiple
        assertThat(SvgPlot.tickLabels(List.of(0.0, 0.05, 0.1, 0.05 + 0.05 + 0.05)))
                .containsExactly("0", "0.05", "0.10", "0.15");
        assertThat(SvgPlot.tickLabels(SvgPlot.scale(-7, 12).ticks()))
                .containsExactly("-10", "-5", "0", "5", "10", "15");
        assertThat(SvgPlot.tickLabels(List.of())).isEmpty();
    }

    @Test
    void labelsAreTheTicksWithOneScaleAndAtMostThreeFiguresWhenTheyHaveDecimals() {
        qt().withExamples(5000)
                .forAll(doubles().between(-1e6, 1e6), doubles().between(1e-3, 1e6))
                .checkAssert((lo, span) -> {
                    List<Double> ticks = SvgPlot.scale(lo, lo + span).ticks();
                    List<String> labels = SvgPlot.tickLabels(ticks);
                    assertThat(labels).hasSameSizeAs(ticks);
                    int decimals = -1;
                    for (int i = 0; i < ticks.size(); i++) {
                        String s = labels.get(i);
                        BigDecimal printed = new BigDecimal(s);
                        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
                        assertThat(Math.abs(printed.doubleValue() - ticks.get(i)))
                                .as("%s for %s", s, ticks.get(i))
                                .isLessThanOrEqualTo(step * 1e-6);
                        if (!s.equals("0")) {
                            if (decimals < 0) {
                                decimals = printed.scale();
                            }
                            assertThat(printed.scale())
                                    .as("%s in %s", s, labels)
                                    .isEqualTo(decimals);
                            String digits = s.replace("-", "").replace(".", "").replaceFirst("^0+", "");
                            // an axis through 0 (every chart's: values of one sign from 0): its ticks are at most
                            // six steps of 1, 2, 2.5 or 5 times a power of ten from 0
                            boolean throughZero = ticks.get(0) <= 0 && ticks.get(ticks.size() - 1) >= 0;
                            if (s.contains(".") && throughZero) {
                                assertThat(digits.length())
                                        .as("%s in %s", s, labels)
                                        .isLessThanOrEqualTo(3);
                            }
                        }
                    }
                });
    }
}
