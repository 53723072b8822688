package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.stats.Quantiles;
import java.util.Arrays;

/**
 * The seed's corrected per-cell power arithmetic ({@code single-node/non-reasoning-models/generate_combined_charts.py}
 * @8cc533e, docs/reference/seed-methodology.md §2.7), line for line, on primitive inputs. All times are epoch seconds as the script has
 * them: tegrastats stamps at 1-second resolution, aiperf's {@code start_time}/{@code end_time} and the jsonl
 * nanoseconds divided by 1e9.
 *
 * <pre>
 * S = samples with t0 &lt;= ep &lt;= t1                         (empty: the script skips the cell; we report it)
 * power_w = median(S)
 * for s in S: if any(start &lt;= ep &lt;= ack): prefill += s
 *             elif any(ack &lt; ep &lt;= end): decode += s
 * if not prefill or not decode:                             (both rebuilt by timeline reconstruction)
 *     n = int(request_count.avg or 20); RL = RL_p50; TT = TTFT_p50
 *     for s in S: k = int((ep − t0) / RL); if k &gt;= n: continue
 *                 (prefill if ep − t0 − k·RL &lt;= TT else decode) += s
 * P_prefill = median(prefill) or power_w;  P_decode = median(decode) or power_w
 * </pre>
 */
final class SeedPowers {

    private SeedPowers() {}

    /**
     * The three powers and how they were found.
     *
     * @param windowWatts median of the samples in the cell window ({@code power_w}), NaN if none
     * @param prefillWatts median of the prefill samples, or {@code windowWatts}
     * @param decodeWatts median of the decode samples, or {@code windowWatts}
     * @param windowSamples samples in the cell window
     * @param prefillSamples samples classified as prefill
     * @param decodeSamples samples classified as decode
     * @param reconstructed {@code true} if the phases came from the timeline reconstruction
     */
    record Result(
            double windowWatts,
            double prefillWatts,
            double decodeWatts,
            int windowSamples,
            int prefillSamples,
            int decodeSamples,
            boolean reconstructed) {}

    /**
     * Runs the seed's arithmetic.
     *
     * @param stampSeconds each sample's stamp in epoch seconds (whole seconds), any order
     * @param watts each sample's power in watts
     * @param t0 aiperf's start time, epoch seconds
     * @param t1 aiperf's end time, epoch seconds
     * @param start each profiling record's start, epoch seconds (empty if there is no jsonl)
     * @param ack each record's {@code request_ack_ns / 1e9}
     * @param end each record's end
     * @param ttftP50Seconds aiperf's {@code time_to_first_token.p50} in seconds
     * @param rlP50Seconds aiperf's {@code request_latency.p50} in seconds
     * @param requestCountAvg aiperf's {@code request_count.avg}, or NaN / 0 if absent (then 20)
     * @return the powers
     */
    static Result compute(
            double[] stampSeconds,
            double[] watts,
            double t0,
            double t1,
            double[] start,
            double[] ack,
            double[] end,
            double ttftP50Seconds,
            double rlP50Seconds,
            double requestCountAvg) {
        int m = 0;
        double[] windowEp = new double[stampSeconds.length];
        double[] windowW = new double[stampSeconds.length];
        for (int i = 0; i < stampSeconds.length; i++) {
            if (t0 <= stampSeconds[i] && stampSeconds[i] <= t1) {
                windowEp[m] = stampSeconds[i];
                windowW[m] = watts[i];
                m++;
            }
        }
        if (m == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, false);
        }
        double power = median(windowW, m);
        double[] pre = new double[m];
        double[] dec = new double[m];
        int np = 0;
        int nd = 0;
        for (int i = 0; i < m; i++) {
            double ep = windowEp[i];
            if (inAny(ep, start, ack, true)) {
                pre[np++] = windowW[i];
            } else if (inAny(ep, ack, end, false)) {
                dec[nd++] = windowW[i];
            }
        }
        boolean reconstructed = false;
        if (np == 0 || nd == 0) {
            reconstructed = true;
            np = 0;
            nd = 0;
            int n = requestCountAvg > 0 ? (int) requestCountAvg : 20;
            for (int i = 0; i < m; i++) {
                double elapsed = windowEp[i] - t0;
                if (!(rlP50Seconds > 0)) {
                    break;
                }
                long k = (long) (elapsed / rlP50Seconds);
                if (k >= n) {
                    continue;
                }
                if (elapsed - k * rlP50Seconds <= ttftP50Seconds) {
                    pre[np++] = windowW[i];
                } else {
                    dec[nd++] = windowW[i];
                }
            }
        }
        double prefill = np > 0 ? median(pre, np) : 0;
        double decode = nd > 0 ? median(dec, nd) : 0;
        return new Result(power, prefill > 0 ? prefill : power, decode > 0 ? decode : power, m, np, nd, reconstructed);
    }

    /** {@code any(lo[j] <= ep <= hi[j])}, or {@code any(lo[j] < ep <= hi[j])} when the low end is open. */
    private static boolean inAny(double ep, double[] lo, double[] hi, boolean closedLow) {
        for (int j = 0; j < lo.length; j++) {
            if ((closedLow ? lo[j] <= ep : lo[j] < ep) && ep <= hi[j]) {
                return true;
            }
        }
        return false;
    }

    /** Python's {@code statistics.median} of the first {@code n} values (= numpy's linear p50). */
    static double median(double[] values, int n) {
        return Quantiles.median(Arrays.copyOf(values, n));
    }
}
