package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The monitor log report's power chart: min/max decimation, gaps, shaded requests, well-formed SVG. */
class PowerChartTest {

    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    /**
     * 200 s at 100 Hz (20,000 samples) of 5 W with one 50 W reading at 123.45 s and no sample from 100 s to 110 s.
     */
    private static PowerTrace longTrace() {
        List<Long> t = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            if (k >= 10_000 && k < 11_000) {
                continue;
            }
            t.add(T0 + k * 10 * MS);
            w.add(k == 12_345 ? 50.0 : 5.0);
        }
        return PowerTrace.of(
                        t.stream().mapToLong(Long::longValue).toArray(),
                        w.stream().mapToDouble(Double::doubleValue).toArray())
                .withNominalIntervalNanos(10 * MS);
    }

    @Test
    void aLongTraceIsDecimatedToEachColumnsLowestAndHighestReading() {
        PowerTrace trace = longTrace();
        // Span 199.99 s: the scale runs 0-200 s (ticks every 50 s), so each of the 660 columns is 200 / 660 = 0.30303
        // s.
        SvgPlot.Scale x = SvgPlot.scale(0, 199.99);
        assertThat(x.hi()).isEqualTo(200.0);
        List<double[][]> runs = PowerChart.columns(trace, T0, x);
        // The 10 s without samples (99.99 s to 110.00 s) leaves columns 330-362 empty: two runs.
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).length).isEqualTo(330); // columns 0-329: 0 to 99.99 s
        int spikes = 0;
        for (double[][] run : runs) {
            for (double[] c : run) {
                assertThat(c[1]).isEqualTo(5.0);
                if (c[2] == 50.0) {
                    spikes++;
                    // 123.45 s / 0.30303 s = column 407, drawn at its middle, 407.5 × 0.30303 = 123.485 s
                    assertThat(c[0]).isCloseTo(407.5 * 200 / 660, within(1e-9));
                } else {
                    assertThat(c[2]).isEqualTo(5.0);
                }
            }
        }
        assertThat(spikes).as("the one 50 W reading survives decimation").isEqualTo(1);
    }

    @Test
    void theChartSaysHowItWasDrawnAndIsWellFormedSvg() throws Exception {
        RequestTimeline r = RequestTimeline.succeeded(T0 + 20_000 * MS, T0 + 20_100 * MS, T0 + 21_000 * MS, 64, 32);
        Chart chart = PowerChart.of("hwmon/VDD_IN", longTrace(), List.of(r, r));
        assertThat(chart.id()).isEqualTo("power_hwmon_VDD_IN");
        assertThat(chart.caption())
                .contains("19000 samples drawn by min/max decimation", "660 pixel columns", "Shaded: the 2");
        Document d = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svgFile().getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
        // Two identical requests shade one span: 20-21 s on 0-200 s over the 660 units from x = 50: 116 to 119.
        assertThat(chart.panels().get(0)).contains("<path fill=\"#e8e8e8\" d=\"M116,24H119V200H116Z\"/>");
    }

    @Test
    void aShortTraceDrawsEverySampleAndBreaksAtAGap() {
        // 6 W at 0, 10, 20 ms, then nothing until 100 ms (a gap: more than twice the 10 ms interval), 6 W at 100, 110.
        PowerTrace trace = PowerTrace.of(
                        new long[] {T0, T0 + 10 * MS, T0 + 20 * MS, T0 + 100 * MS, T0 + 110 * MS},
                        new double[] {6, 6, 6, 6, 6})
                .withNominalIntervalNanos(10 * MS);
        Chart chart = PowerChart.of("hwmon/VDD_IN", trace, List.of());
        assertThat(chart.caption()).contains("5 samples, every one drawn").doesNotContain("Shaded");
        // The power scale runs 0-6 W, so 6 W is the plot's top, y = 24; the band is two closed runs.
        Matcher m = Pattern.compile("stroke-linejoin=\"round\" d=\"([^\"]*)\"")
                .matcher(chart.panels().get(0));
        assertThat(m.find()).isTrue();
        String path = m.group(1);
        assertThat(path.chars().filter(ch -> ch == 'Z').count()).isEqualTo(2);
        Matcher y = Pattern.compile("[ML]\\d+,(\\d+)").matcher(path);
        int points = 0;
        while (y.find()) {
            assertThat(y.group(1)).isEqualTo("24");
            points++;
        }
        assertThat(points).as("each sample along the top and back").isEqualTo(10);
    }
}
