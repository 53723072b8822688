package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimeSegment;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole-file properties of the real corpus. */
class CorpusTest {

    /** Tegrastats lines per file, counted by hand from SOURCES.md ("16 files, 4566 lines: 4564 … and 2 date headers"). */
    private static final Map<String, Integer> SAMPLES = Map.ofEntries(
            Map.entry("abdel-e-agx-orin-64gb-r36-long.log", 4111),
            Map.entry("ssaraff98-tx2-long.log", 432),
            Map.entry("ssaraff98-multiboard-sample.log", 4),
            Map.entry("hordiales-tx1-r28.1.log", 4),
            Map.entry("jetson_stats-agx-orin-64gb-jp7.2-r39.2.log", 1),
            Map.entry("jetson_stats-hist-agx-xavier-r32.log", 2),
            Map.entry("jetson_stats-fixture-tx2.log", 1),
            Map.entry("jetson_stats-fixture-nano.log", 1),
            Map.entry("waggle-xavier-nx-jp4.log", 1),
            Map.entry("waggle-xavier-nx-jp5.1.2.log", 1),
            Map.entry("waggle-nano-jp4.6.1.log", 1),
            Map.entry("gdwr-agx-orin-64gb-r35.log", 1),
            Map.entry("issue-jetson_stats-624-orin-8gb-r36-sudo.log", 1),
            Map.entry("issue-jetson_stats-pr16-nano-r32-sudo.log", 1),
            Map.entry("issue-tx-utils-3-tx2.log", 1),
            Map.entry("issue-gtop-pr7-agx-xavier-jp4.2.log", 1));

    @Test
    void theCorpusIsCompleteWithItsSources() {
        assertThat(Corpus.logs()).hasSize(16);
        assertThat(Corpus.file("SOURCES.md")).exists();
        assertThat(Corpus.logs())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    }

    @Test
    void everyTegrastatsLineOfEveryFileParses() throws IOException {
        long samples = 0;
        long dateHeaders = 0;
        for (Path p : Corpus.logs()) {
            for (ReaderOptions options : List.of(ReaderOptions.lenient(), ReaderOptions.strictMode())) {
                try (TegrastatsReader r = TegrastatsReader.open(p, options)) {
                    long n = r.stream().count();
                    ParseReport report = r.report();
                    String name = p.getFileName().toString();
                    assertThat(n).as(name).isEqualTo(SAMPLES.get(name).longValue());
                    assertThat(report.malformed()).as(name).isZero();
                    assertThat(report.linesRead())
                            .as(name)
                            .isEqualTo(Files.readAllLines(p).size());
                    assertThat(report.count(LineKind.OTHER) + report.count(LineKind.SHELL_PROMPT))
                            .as(name)
                            .isZero();
                    if (options.strict()) {
                        samples += n;
                        dateHeaders += report.count(LineKind.DATE_HEADER);
                    }
                }
            }
        }
        assertThat(samples).isEqualTo(4564);
        assertThat(dateHeaders).isEqualTo(2);
    }

    @Test
    void theLongLogsParseCompletelyWithNoUnknownToken() throws IOException {
        for (String name : List.of(Corpus.AGX_ORIN_LONG, Corpus.TX2_LONG)) {
            ParseReport report = TegrastatsLog.read(Corpus.file(name)).report();
            assertThat(report.isClean()).as(name).isTrue();
            assertThat(report.unknownTokens()).as(name).isEmpty();
            assertThat(report.samples() + report.count(LineKind.DATE_HEADER)).isEqualTo(report.linesRead());
        }
    }

    /**
     * The value after each rail's slash is the running mean of the current values since tegrastats started
     * (docs/reference/tegrastats-format.md §7.1): {@code avg_n = (cur_1 + … + cur_n) / n}, within 2 mW (tegrastats rounds). The
     * mean restarts where tegrastats restarts: at the first sample of the file, after a line that is not a sample
     * (the TX2 log's {@code date} header is printed by the script that starts tegrastats), and where the printed
     * timestamp goes backward. At each restart {@code cur == avg}.
     */
    @Test
    void theRunningAverageIsTheCumulativeMeanOnBothLongLogs() {
        for (String name : List.of(Corpus.AGX_ORIN_LONG, Corpus.TX2_LONG)) {
            List<TegrastatsSample> samples = Corpus.samples(name);
            int rails = samples.get(0).railCount();
            double[] sum = new double[rails];
            long n = 0;
            long checked = 0;
            TegrastatsSample previous = null;
            for (TegrastatsSample s : samples) {
                boolean restart = previous == null
                        || s.lineNumber() != previous.lineNumber() + 1
                        || s.printedTime().isPresent()
                                && s.printedTime()
                                        .get()
                                        .isBefore(previous.printedTime().orElseThrow());
                if (restart) {
                    java.util.Arrays.fill(sum, 0);
                    n = 0;
                }
                n++;
                assertThat(s.railCount()).isEqualTo(rails);
                for (int r = 0; r < rails; r++) {
                    sum[r] += s.railMilliwatts(r);
                    if (restart) {
                        assertThat(s.railAverageMilliwatts(r)).isEqualTo(s.railMilliwatts(r));
                    }
                    assertThat(s.railAverageMilliwatts(r))
                            .as("%s line %d rail %s", name, s.lineNumber(), s.railName(r))
                            .isCloseTo(sum[r] / n, within(2.0));
                    checked++;
                }
                previous = s;
            }
            // 4111 × 4 rail values in the AGX Orin log, 432 × 6 in the TX2 log
            assertThat(checked).isEqualTo(name.equals(Corpus.AGX_ORIN_LONG) ? 16_444 : 2_592);
        }
    }

    /**
     * The AGX Orin log was written with {@code --interval 500}: 4111 lines over 2147 s, so the mean period is
     * 2147 / 4110 = 0.52238 s (DESIGN §4), and every fitted segment's period is within a few ms of it.
     */
    @Test
    void theAgxOrinPeriodIs522Milliseconds() throws IOException {
        TegrastatsLog log = TegrastatsLog.read(Corpus.file(Corpus.AGX_ORIN_LONG));
        SampleTimes times = log.times(ZoneOffset.UTC, TimingOptions.nominalIntervalMillis(500));
        assertThat(times.estimatedPeriodSeconds()).isCloseTo(2147.0 / 4110, within(1e-12));
        assertThat(times.estimatedPeriodSeconds()).isCloseTo(0.522, within(0.001));
        for (TimeSegment seg : times.segments()) {
            assertThat(seg.periodSeconds()).isBetween(0.510, 0.530);
            assertThat(seg.minPeriodSeconds()).isLessThanOrEqualTo(seg.periodSeconds());
            assertThat(seg.maxPeriodSeconds()).isGreaterThanOrEqualTo(seg.periodSeconds());
        }
        // (last time - first time) / 4110 periods is the mean period too
        double span = (times.epochNanos(log.size() - 1) - times.epochNanos(0)) / 1e9;
        assertThat(span / (log.size() - 1)).isCloseTo(0.5224, within(0.0005));
        // every time lies in its printed second (within the 1 ms tolerance), in order
        for (int i = 0; i < log.size(); i++) {
            long stamp = log.printedTime(i).orElseThrow().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
            assertThat(times.epochNanos(i)).isBetween(stamp - 1_000_000L, stamp + 1_001_000_000L);
            if (i > 0) {
                assertThat(times.epochNanos(i)).isGreaterThan(times.epochNanos(i - 1));
            }
        }
        // the same log read with the period estimated from the stamps gives the same segments
        SampleTimes estimated = log.times(ZoneId.of("UTC"), TimingOptions.estimated());
        assertThat(estimated.referencePeriodSeconds()).isCloseTo(0.5224, within(0.0001));
        assertThat(estimated.segments()).hasSameSizeAs(times.segments());
    }

    @Test
    void theAgxOrinLogGivesACompleteBoardTotalAndThermalSamples() throws IOException {
        TegrastatsLog log = TegrastatsLog.read(Corpus.file(Corpus.AGX_ORIN_LONG));
        assertThat(log.detectProfile()).hasValue(BoardProfile.AGX_ORIN);
        SampleTimes times = log.times(ZoneId.of("Asia/Kolkata"), TimingOptions.nominalIntervalMillis(500));
        RailTrace total = log.powerTrace(BoardProfile.AGX_ORIN.total(), times);
        assertThat(total.complete()).isTrue();
        assertThat(total.railNames()).containsExactly("VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0", "VDDQ_VDD2_1V8AO");
        // first line: 2801 + 400 + 4536 + 604 = 8341 mW
        assertThat(total.trace().wattsAt(0)).isCloseTo(8.341, within(1e-12));
        RailTrace compute = log.powerTrace(BoardProfile.AGX_ORIN.compute(), times);
        // 2801 + 400 = 3201 mW
        assertThat(compute.trace().wattsAt(0)).isCloseTo(3.201, within(1e-12));
        var thermal = log.thermalSamples(times);
        assertThat(thermal).hasSize(4111);
        assertThat(thermal.get(0).celsius("CPU")).isEqualTo(47.687);
        assertThat(thermal.get(0).celsiusBySensor()).hasSize(8);
        // Kolkata is UTC+05:30: 05:10:54 local is 23:40:54 UTC the day before
        assertThat(times.instant(0).toString()).startsWith("2025-10-25T23:40:54.");
    }
}
