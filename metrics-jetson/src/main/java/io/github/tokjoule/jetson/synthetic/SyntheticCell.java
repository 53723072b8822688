package io.github.tokjoule.jetson.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated cell of a sweep (one model × mode × prompt length × generation length, {@code requests} requests at
 * concurrency 1), and the writers of its artifacts. {@link #simulate} is deterministic: the same {@link CellSpec}
 * always gives the same files, byte for byte.
 *
 * <h2>What is simulated</h2>
 *
 * <ul>
 *   <li><b>Timeline.</b> tegrastats starts at {@link CellSpec#startEpochNanos()}; aiperf's profiling phase starts 2–4 s
 *       later (its start-up); requests run back to back with 3–25 ms between them; aiperf's end time is 0.5–3 ms
 *       after the last response; tegrastats stops 1–2.5 s after that.
 *   <li><b>Requests.</b> {@code TTFT} = {@link ModeModelParameters#expectedTtftMillis} × a log-normal factor (σ 2 %),
 *       × 1.25 for the first, cold request; then {@code OSL − 1} inter-token gaps of
 *       {@link ModeModelParameters#expectedItlMillis} × (1 + 3 % Gaussian), clipped to [0.5, 2] × the mean. The
 *       realised OSL is the target unless the cell has early end-of-sequence (then 35–80 % of it per request). aiperf's
 *       {@code request_ack_ns} is 1–4 ms after the start (response headers, before the first token). A failed request
 *       lasts 20–200 ms and has no token.
 *   <li><b>True power</b> of the compute rail {@code VDD_CPU_GPU_CV}: piecewise constant. Its base level is idle
 *       between requests, prefill power on {@code [start, first token)}, decode power on {@code [first token, end)},
 *       and prefill power over a failed request. On a fixed 100 ms grid from the log start, each grid cell draws one
 *       standard-normal {@code η}, and the level is {@code max(0, base + s · noiseWatts · η)} with {@code s = 1} in
 *       requests and {@code s = 0.25} when idle. The other rails follow {@link SyntheticRail}. Ground-truth energies
 *       are the exact integrals of this function.
 *   <li><b>Sampling.</b> The real period is the interval × (1 + u), u uniform in [min, max] overrun (2–5 % by
 *       default: real tegrastats sleeps the interval after each sample). Sample {@code i} is at {@code start + i ·
 *       period + jitter}, jitter uniform in ±{@link CellSpec#jitterMillis()} (0 for the first sample), independent
 *       between samples (so the clock does not drift). The printed value of each rail is the <em>instantaneous</em>
 *       value of the true function at the sample instant, rounded to the nearest mW; the value after the slash is
 *       the cumulative mean of the printed values since the log's first line, rounded to the nearest mW.
 *   <li><b>Stamps</b>: every tegrastats line starts with its sample time floored to the second, as
 *       {@code MM-dd-yyyy HH:mm:ss} in the spec's zone; aiperf's {@code start_time}/{@code end_time} are naive local
 *       ISO times in the same zone (microseconds, Python's {@code isoformat}); the per-request timestamps are true epoch
 *       nanoseconds.
 * </ul>
 *
 * @since 0.1.0
 */
public final class SyntheticCell {

    /** Length of one step of the power fluctuation grid. */
    static final long FLUCTUATION_NANOS = 100_000_000L;
    /** Scale of the fluctuation between requests, relative to {@link ModeModelParameters#noiseWatts()}. */
    static final double IDLE_NOISE_SCALE = 0.25;
    /** Phase codes of a sample, for the cosmetic fields of a tegrastats line. */
    static final byte IDLE = 0;

    static final byte PREFILL = 1;
    static final byte DECODE = 2;

    private final CellSpec spec;
    private final CellTruth truth;
    private final long[] sampleNanos;
    private final int[][] railMilliwatts;
    private final byte[] samplePhase;
    private final long[][] chunkNanos;
    private final long[] creditNanos;
    private final long cosmeticSeed;

    private SyntheticCell(
            CellSpec spec,
            CellTruth truth,
            long[] sampleNanos,
            int[][] railMilliwatts,
            byte[] samplePhase,
            long[][] chunkNanos,
            long[] creditNanos,
            long cosmeticSeed) {
        this.spec = spec;
        this.truth = truth;
        this.sampleNanos = sampleNanos;
        this.railMilliwatts = railMilliwatts;
        this.samplePhase = samplePhase;
        this.chunkNanos = chunkNanos;
        this.creditNanos = creditNanos;
        this.cosmeticSeed = cosmeticSeed;
    }

    /**
     * Simulates a cell. Nothing is written.
     *
     * @param spec the cell's specification
     * @return the simulated cell, holding its ground truth
     */
    public static SyntheticCell simulate(CellSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.randomSeed());
        SplittableRandom timing = root.split();
        SplittableRandom noise = root.split();
        SplittableRandom sampling = root.split();
        long cosmeticSeed = root.nextLong();
        ModeModelParameters p = spec.parameters();
        int n = spec.requests();

        boolean earlyEos = spec.earlyEos().orElseGet(() -> timing.nextDouble() < p.earlyEosRate());
        int failed = spec.failedRequests()
                .orElseGet(() -> timing.nextDouble() < p.errorRate() ? Math.min(n, 1 + timing.nextInt(3)) : 0);
        boolean[] isFailed = chooseFailed(n, failed, timing);

        long logStart = spec.startEpochNanos();
        long t0 = logStart + millis(timing, 2000, 4000);
        long cursor = t0 + millis(timing, 1, 5);
        long[] start = new long[n];
        long[] ack = new long[n];
        long[] first = new long[n];
        long[] end = new long[n];
        int[] osl = new int[n];
        long[][] chunks = new long[n][];
        long[] credit = new long[n];
        double ttftMillis = p.expectedTtftMillis(spec.targetInputTokens());
        double itlNanos = p.expectedItlMillis(spec.targetInputTokens()) * 1e6;
        for (int i = 0; i < n; i++) {
            start[i] = cursor;
            credit[i] = cursor - micros(timing, 50, 300);
            if (isFailed[i]) {
                end[i] = cursor + millis(timing, 20, 200);
                ack[i] = cursor;
                first[i] = end[i];
                chunks[i] = new long[0];
            } else {
                ack[i] = cursor + millis(timing, 1, 4);
                double cold = i == 0 ? 1.25 : 1.0;
                long ttft = Math.round(ttftMillis * 1e6 * cold * Math.exp(0.02 * timing.nextGaussian()));
                first[i] = Math.max(ack[i] + 1_000_000L, cursor + ttft);
                int target = spec.targetOutputTokens();
                osl[i] =
                        earlyEos ? Math.max(2, (int) Math.round(target * (0.35 + 0.45 * timing.nextDouble()))) : target;
                long[] gaps = new long[osl[i] - 1];
                long t = first[i];
                for (int j = 0; j < gaps.length; j++) {
                    double f = Math.min(2.0, Math.max(0.5, 1 + 0.03 * timing.nextGaussian()));
                    gaps[j] = Math.max(1L, Math.round(itlNanos * f));
                    t += gaps[j];
                }
                chunks[i] = gaps;
                end[i] = t;
            }
            cursor = end[i] + millis(timing, 3, 25);
        }
        long t1 = end[n - 1] + micros(timing, 500, 3000);
        long logEnd = t1 + millis(timing, 1000, 2500);

        PowerTimeline timeline = buildTimeline(p, logStart, logEnd, start, first, end, isFailed, noise);

        long period = Math.round(spec.intervalNanos()
                * (1
                        + spec.minPeriodOverrun()
                        + (spec.maxPeriodOverrun() - spec.minPeriodOverrun()) * sampling.nextDouble()));
        long jitter = Math.round(spec.jitterMillis() * 1e6);
        int count = (int) ((logEnd - logStart - jitter) / period) + 1;
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long j = i == 0 || jitter == 0 ? 0 : sampling.nextLong(-jitter, jitter + 1);
            times[i] = logStart + i * period + j;
        }
        SyntheticRail[] rails = SyntheticRail.values();
        int[][] milliwatts = new int[rails.length][count];
        double[][] sampledWatts = new double[rails.length][count];
        for (int i = 0; i < count; i++) {
            double w = timeline.wattsAt(times[i]);
            for (SyntheticRail rail : rails) {
                int mw = (int) Math.max(0, Math.round(rail.watts(w, p.idleWatts()) * 1000));
                milliwatts[rail.ordinal()][i] = mw;
                sampledWatts[rail.ordinal()][i] = mw / 1000.0;
            }
        }
        SampledTrace[] sampled = new SampledTrace[rails.length];
        for (SyntheticRail rail : rails) {
            sampled[rail.ordinal()] = new SampledTrace(times, sampledWatts[rail.ordinal()]);
        }
        byte[] phase = phases(times, start, first, end, isFailed);

        List<RequestTruth> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double prefill = timeline.joules(start[i], first[i]);
            double decode = timeline.joules(first[i], end[i]);
            requests.add(new RequestTruth(
                    i,
                    !isFailed[i],
                    start[i],
                    ack[i],
                    first[i],
                    end[i],
                    isFailed[i] ? 0 : spec.targetInputTokens(),
                    osl[i],
                    RailEnergies.fromCompute(prefill, (first[i] - start[i]) / 1e9, p.idleWatts()),
                    RailEnergies.fromCompute(decode, (end[i] - first[i]) / 1e9, p.idleWatts()),
                    sampledEnergies(sampled, start[i], first[i]),
                    sampledEnergies(sampled, start[i], end[i]),
                    sampled[0].countInside(start[i], first[i]),
                    sampled[0].countInside(start[i], end[i])));
        }
        CellTruth truth = new CellTruth(
                spec,
                earlyEos,
                failed,
                logStart,
                logEnd,
                t0,
                t1,
                period,
                count,
                requests,
                RailEnergies.fromCompute(timeline.joules(t0, t1), (t1 - t0) / 1e9, p.idleWatts()));
        return new SyntheticCell(spec, truth, times, milliwatts, phase, chunks, credit, cosmeticSeed);
    }

    private static RailEnergies sampledEnergies(SampledTrace[] sampled, long a, long b) {
        return new RailEnergies(
                sampled[SyntheticRail.VDD_IN.ordinal()].joules(a, b),
                sampled[SyntheticRail.VDD_CPU_GPU_CV.ordinal()].joules(a, b),
                sampled[SyntheticRail.VDD_SOC.ordinal()].joules(a, b));
    }

    private static boolean[] chooseFailed(int n, int failed, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean[] isFailed = new boolean[n];
        for (int k = 0; k < failed; k++) {
            int j = k + rng.nextInt(n - k);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
            isFailed[order[k]] = true;
        }
        return isFailed;
    }

    private static PowerTimeline buildTimeline(
            ModeModelParameters p,
            long logStart,
            long logEnd,
            long[] start,
            long[] first,
            long[] end,
            boolean[] isFailed,
            SplittableRandom noise) {
        int grid = (int) ((logEnd - logStart) / FLUCTUATION_NANOS) + 2;
        double[] eta = new double[grid];
        for (int k = 0; k < grid; k++) {
            eta[k] = noise.nextGaussian();
        }
        PowerTimeline.Builder b = new PowerTimeline.Builder(logStart);
        double idleSigma = IDLE_NOISE_SCALE * p.noiseWatts();
        for (int i = 0; i < start.length; i++) {
            appendPhase(b, start[i], p.idleWatts(), idleSigma, logStart, eta);
            if (isFailed[i]) {
                appendPhase(b, end[i], p.prefillWatts(), p.noiseWatts(), logStart, eta);
            } else {
                appendPhase(b, first[i], p.prefillWatts(), p.noiseWatts(), logStart, eta);
                appendPhase(b, end[i], p.decodeWatts(), p.noiseWatts(), logStart, eta);
            }
        }
        appendPhase(b, logEnd, p.idleWatts(), idleSigma, logStart, eta);
        return b.build();
    }

    private static void appendPhase(
            PowerTimeline.Builder b, long until, double base, double sigma, long origin, double[] eta) {
        while (b.endEpochNanos() < until) {
            long from = b.endEpochNanos();
            int k = (int) ((from - origin) / FLUCTUATION_NANOS);
            long gridEnd = origin + (k + 1) * FLUCTUATION_NANOS;
            b.append(Math.min(until, gridEnd), Math.max(0, base + sigma * eta[k]));
        }
    }

    private static byte[] phases(long[] times, long[] start, long[] first, long[] end, boolean[] isFailed) {
        byte[] phase = new byte[times.length];
        int r = 0;
        for (int i = 0; i < times.length; i++) {
            long t = times[i];
            while (r < start.length && end[r] <= t) {
                r++;
            }
            if (r < start.length && t >= start[r]) {
                phase[i] = isFailed[r] || t < first[r] ? PREFILL : DECODE;
            } else {
                phase[i] = IDLE;
            }
        }
        return phase;
    }

    private static long millis(SplittableRandom rng, double min, double max) {
        return Math.round((min + (max - min) * rng.nextDouble()) * 1e6);
    }

    private static long micros(SplittableRandom rng, double min, double max) {
        return Math.round((min + (max - min) * rng.nextDouble()) * 1e3);
    }

    /** {@return the cell's specification} */
    public CellSpec spec() {
        return spec;
    }

    /** {@return the cell's ground truth} */
    public CellTruth truth() {
        return truth;
    }

    /**
     * Writes aiperf's two exports of this cell into a directory (created if missing): {@code
     * profile_export_aiperf.json} (flat summary layout of aiperf 0.11, schema 1.3) and {@code profile_export.jsonl}
     * (one compact record per request).
     *
     * @param cellDir the cell directory
     * @throws IOException if a file cannot be written
     */
    public void writeAiperfExports(Path cellDir) throws IOException {
        Files.createDirectories(cellDir);
        AiperfExports.write(this, cellDir);
    }

    /**
     * Writes this cell's tegrastats log (Orin R36 line shape, rails {@code VDD_IN VDD_CPU_GPU_CV VDD_SOC}).
     *
     * @param file the log file; its parent directory is created if missing
     * @throws IOException if the file cannot be written
     */
    public void writeTegrastatsLog(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        TegrastatsWriter.write(this, file);
    }

    /**
     * Writes the three artifacts of this cell into a directory: the two aiperf exports and {@code tegrastats.log}.
     *
     * @param cellDir the cell directory
     * @throws IOException if a file cannot be written
     */
    public void writeAll(Path cellDir) throws IOException {
        writeAiperfExports(cellDir);
        writeTegrastatsLog(cellDir.resolve("tegrastats.log"));
    }

    /**
     * Simulates a cell and writes its aiperf exports only: what a fake {@code aiperf profile} executable needs.
     *
     * @param cellDir aiperf's artifact directory
     * @param spec the cell's specification
     * @return the cell's ground truth
     * @throws IOException if a file cannot be written
     */
    public static CellTruth writeAiperfExports(Path cellDir, CellSpec spec) throws IOException {
        SyntheticCell cell = simulate(spec);
        cell.writeAiperfExports(cellDir);
        return cell.truth();
    }

    long[] sampleNanos() {
        return sampleNanos;
    }

    int[][] railMilliwatts() {
        return railMilliwatts;
    }

    byte[] samplePhase() {
        return samplePhase;
    }

    long[][] chunkNanos() {
        return chunkNanos;
    }

    long[] creditNanos() {
        return creditNanos;
    }

    long cosmeticSeed() {
        return cosmeticSeed;
    }
}
