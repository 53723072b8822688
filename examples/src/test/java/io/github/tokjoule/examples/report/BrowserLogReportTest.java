package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.RailSummary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor log's report page ({@code tokjoule report LOG}) in a real browser, as {@link BrowserReportTest} checks the
 * sweep's: headless Chromium opens {@code index.html} from disk; every power chart renders with a non-zero size, the
 * decimated one included, and no script or console error occurs. Skipped where no Chromium is installed, except in CI
 * ({@code CI=true}).
 */
class BrowserLogReportTest {

    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    static Path dir;

    static Chromium browser;

    /** 200 s at 100 Hz (decimated: more samples than the chart's columns) with a 10 s gap; 3 s at 10 Hz. */
    private static Map<String, PowerTrace> traces() {
        int n = 19_000;
        long[] t = new long[n];
        double[] w = new double[n];
        for (int i = 0, k = 0; k < 20_000; k++) {
            if (k >= 10_000 && k < 11_000) {
                continue;
            }
            t[i] = T0 + k * 10L * MS;
            w[i++] = k == 12_345 ? 50.0 : 5.0 + (k % 100) / 100.0;
        }
        long[] t2 = new long[30];
        double[] w2 = new double[30];
        for (int k = 0; k < 30; k++) {
            t2[k] = T0 + k * 100L * MS;
            w2[k] = 2.0 + k % 3;
        }
        Map<String, PowerTrace> traces = new LinkedHashMap<>();
        traces.put("hwmon/VDD_IN", PowerTrace.of(t, w).withNominalIntervalNanos(10 * MS));
        traces.put("hwmon/VDD_GPU", PowerTrace.of(t2, w2).withNominalIntervalNanos(100 * MS));
        return traces;
    }

    @BeforeAll
    static void open() throws Exception {
        Path binary = Chromium.findOrSkip();
        Map<String, PowerTrace> traces = traces();
        LiveLog.Contents contents =
                new LiveLog.Contents(traces, Map.of("hwmon/VDD_IN", "power", "hwmon/VDD_GPU", "power"), List.of());
        List<RailSummary> rails = RailSummary.of(contents);
        Report report =
                LogReport.build(dir.resolve("power.csv"), rails, List.of(), Optional.empty(), List.of(), traces);
        ReportWriter.Written w = ReportWriter.write(report, dir.resolve("report"));
        browser = Chromium.showing(binary, w.indexHtml().toUri(), dir.resolve("profile"));
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPowerChartRendersWithNonZeroSize() throws Exception {
        String result = browser.eval("""
                (() => {
                  const bad = [];
                  const svgs = document.querySelectorAll('figure svg');
                  svgs.forEach(s => {
                    const r = s.getBoundingClientRect();
                    if (!(r.width > 0 && r.height > 0)) bad.push(r.width + 'x' + r.height);
                    const b = s.getBBox();
                    if (!(b.width > 0 && b.height > 0)) bad.push('empty drawing');
                  });
                  return svgs.length + ' ' + bad.join('; ');
                })()""");
        // one chart per rail
        assertThat(result.split(" ", 2)[0]).isEqualTo("2");
        assertThat(result.split(" ", 2)[1]).as("charts that did not render").isEmpty();
    }

    @Test
    void theScriptRaisesNoErrorAndThePageLogsNone() throws Exception {
        Chromium.settle();
        assertThat(browser.errors()).isEmpty();
    }
}
