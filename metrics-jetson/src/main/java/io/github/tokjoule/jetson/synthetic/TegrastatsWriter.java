package io.github.tokjoule.jetson.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes a cell's tegrastats log in the R36 Orin line shape of the corpus line {@code
 * issue-jetson_stats-624-orin-8gb-r36-sudo.log} (see the test resources' SOURCES.md), with the cell's values:
 *
 * <pre>
 * 05-15-2025 18:30:28 RAM 6982/7620MB (lfb 5x1MB) SWAP 2640/16384MB (cached 202MB) CPU [97%@1984,…] EMC_FREQ 18%@3199
 * GR3D_FREQ 84%@[713] NVENC 1%@115 … APE 174 cv0@63.031C cpu@65.562C … VDD_IN 17946mW/15710mW VDD_CPU_GPU_CV 8896mW/7585mW
 * VDD_SOC 3923mW/3515mW
 * </pre>
 *
 * <p>Temperatures are multiples of 1/32 °C printed truncated to three decimals without trailing zeros, as real
 * lines show ({@code 64.718C} for 64.71875, {@code 63.5C}, {@code 48C}). They follow a first-order response
 * (time constant 20 s) to the compute load around the cell's Table 16 means. The engines print {@code off}; CPU loads,
 * RAM, EMC and GR3D loads are cosmetic, drawn from a separate random stream so that they never change the power.
 */
final class TegrastatsWriter {

    private static final double TAU_SECONDS = 20;
    private static final int RAM_TOTAL_MB = 7620;

    private TegrastatsWriter() {}

    static void write(SyntheticCell cell, Path file) throws IOException {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII), 1 << 16)) {
            write(cell, out);
        }
    }

    static void write(SyntheticCell cell, Writer out) throws IOException {
        CellSpec spec = cell.spec();
        ModeModelParameters p = spec.parameters();
        long[] times = cell.sampleNanos();
        int[][] mw = cell.railMilliwatts();
        byte[] phase = cell.samplePhase();
        SplittableRandom rng = new SplittableRandom(cell.cosmeticSeed());
        ZoneId zone = spec.zone();
        StringBuilder sb = new StringBuilder(512);
        long[] sums = new long[mw.length];
        long cachedSecond = Long.MIN_VALUE;
        String prefix = "";
        double load = 0.5;
        double span = Math.max(0.1, p.decodeWatts() - p.idleWatts());
        double hottest = Math.max(p.cpuCelsius(), p.gpuCelsius());
        double tjOffset = Math.max(0.2, p.peakJunctionCelsius() - hottest - 0.6);
        int ramBase = 1850 + p.modelMegabytes() + spec.targetInputTokens() / 8;
        int lfb = 2 + rng.nextInt(7);
        long prevTime = times[0];
        for (int i = 0; i < times.length; i++) {
            long second = Math.floorDiv(times[i], 1_000_000_000L);
            if (second != cachedSecond) {
                cachedSecond = second;
                prefix = stamp(second, zone);
            }
            double u = Math.min(1.3, Math.max(0, (mw[1][i] / 1000.0 - p.idleWatts()) / span));
            double alpha = 1 - Math.exp(-((times[i] - prevTime) / 1e9) / TAU_SECONDS);
            load += alpha * (u - load);
            prevTime = times[i];
            if (rng.nextInt(20) == 0) {
                lfb = 2 + rng.nextInt(7);
            }
            boolean active = phase[i] != SyntheticCell.IDLE;
            sb.setLength(0);
            sb.append(prefix)
                    .append("RAM ")
                    .append(ramBase + rng.nextInt(9))
                    .append('/')
                    .append(RAM_TOTAL_MB);
            sb.append("MB (lfb ").append(lfb).append("x1MB) SWAP 0/3810MB (cached 0MB) CPU [");
            for (int c = 0; c < 6; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                if (c >= p.onlineCores()) {
                    sb.append("off");
                } else {
                    int cpuLoad = !active ? rng.nextInt(7) : c == 0 ? 40 + rng.nextInt(31) : 2 + rng.nextInt(17);
                    sb.append(cpuLoad).append("%@").append(p.cpuMegahertz());
                }
            }
            int emcLoad = phase[i] == SyntheticCell.DECODE
                    ? 35 + rng.nextInt(16)
                    : phase[i] == SyntheticCell.PREFILL ? 15 + rng.nextInt(11) : 1 + rng.nextInt(3);
            int gpuLoad = phase[i] == SyntheticCell.DECODE
                    ? 88 + rng.nextInt(12)
                    : phase[i] == SyntheticCell.PREFILL ? 99 : 0;
            sb.append("] EMC_FREQ ").append(emcLoad).append("%@").append(p.emcMegahertz());
            sb.append(" GR3D_FREQ ")
                    .append(gpuLoad)
                    .append("%@[")
                    .append(p.gpuMegahertz())
                    .append(']');
            sb.append(" NVENC off NVDEC off NVJPG off NVJPG1 off VIC off OFA off NVDLA0 off PVA0_FREQ off APE 174");
            double cpu = p.cpuCelsius() + 3.0 * (load - 0.8) + (rng.nextInt(3) - 1) / 32.0;
            double gpu = p.gpuCelsius() + 3.0 * (load - 0.8) + (rng.nextInt(3) - 1) / 32.0;
            double tj = Math.max(cpu, gpu) + tjOffset * Math.min(1, load);
            temperature(sb, " cv0@", gpu - 0.47);
            temperature(sb, " cpu@", cpu);
            temperature(sb, " soc2@", cpu - 1.41);
            temperature(sb, " soc0@", cpu - 2.53);
            temperature(sb, " cv1@", gpu - 0.56);
            temperature(sb, " gpu@", gpu);
            temperature(sb, " tj@", tj);
            temperature(sb, " soc1@", cpu - 0.84);
            temperature(sb, " cv2@", gpu - 2.63);
            rail(sb, " VDD_IN ", mw[0][i], sums, 0, i + 1);
            rail(sb, " VDD_CPU_GPU_CV ", mw[1][i], sums, 1, i + 1);
            rail(sb, " VDD_SOC ", mw[2][i], sums, 2, i + 1);
            sb.append('\n');
            out.append(sb);
        }
    }

    private static void rail(StringBuilder sb, String name, int milliwatts, long[] sums, int k, long n) {
        sums[k] += milliwatts;
        long mean = (2 * sums[k] + n) / (2 * n); // cumulative mean rounded half up
        sb.append(name).append(milliwatts).append("mW/").append(mean).append("mW");
    }

    /** Appends {@code label + value + "C"}, value quantised to 1/32 °C and truncated to 3 decimals. */
    static void temperature(StringBuilder sb, String label, double celsius) {
        long thirtySeconds = Math.round(celsius * 32);
        long milli = Math.floorDiv(thirtySeconds * 1000, 32);
        sb.append(label);
        if (milli < 0) {
            sb.append('-');
            milli = -milli;
        }
        sb.append(milli / 1000);
        int frac = (int) (milli % 1000);
        if (frac != 0) {
            sb.append('.');
            AiperfExports.appendFraction(sb, frac, 3);
        }
        sb.append('C');
    }

    /** {@code MM-dd-yyyy HH:mm:ss } of an epoch second in a zone. */
    static String stamp(long epochSecond, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        char[] c = new char[20];
        two(c, 0, t.getMonthValue());
        c[2] = '-';
        two(c, 3, t.getDayOfMonth());
        c[5] = '-';
        int y = t.getYear();
        two(c, 6, y / 100);
        two(c, 8, y % 100);
        c[10] = ' ';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        c[16] = ':';
        two(c, 17, t.getSecond());
        c[19] = ' ';
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }
}
