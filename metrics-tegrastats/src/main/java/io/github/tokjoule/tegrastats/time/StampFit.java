package io.github.tokjoule.tegrastats.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The period-and-phase fit of DESIGN §4, in two greedy passes.
 *
 * <p>A pass walks the stamped samples in order and keeps the polygon of (phase, period) pairs that satisfy every
 * stamp of the current segment; a sample that empties it, a stamp that goes backward, or a jump no allowed period can
 * explain starts a new segment. The forward pass makes each segment as long as possible from its start, so it places
 * each restart as late as the data allow; the same pass over the mirrored sequence (time and order reversed) places
 * them as early as possible. Near a restart the two disagree about which model a sample belongs to: the estimate
 * then spans both. Each sample gets the interval of times its segment's polygon allows in each pass; when one
 * interval contains the other the narrower is kept (a short segment is less precise than a long one that also fits),
 * otherwise their hull. The estimate is the centre of that interval, the uncertainty its half-width.
 */
final class StampFit {

    /** One segment of one pass. */
    static final class Segment {
        final int first;
        int last;
        final RestartReason reason;
        final ConvexPolygon polygon;
        final long baseSecond;
        final long baseSequence;
        int stamped = 1;

        Segment(int first, RestartReason reason, ConvexPolygon polygon, long baseSecond, long baseSequence) {
            this.first = first;
            this.last = first;
            this.reason = reason;
            this.polygon = polygon;
            this.baseSecond = baseSecond;
            this.baseSequence = baseSequence;
        }
    }

    /** The intervals of one pass, in seconds relative to the origin. */
    static final class Pass {
        final double[] lo;
        final double[] hi;
        final List<Segment> segments = new ArrayList<>();

        Pass(int n) {
            lo = new double[n];
            hi = new double[n];
        }
    }

    final double[] estimate;
    final double[] halfWidth;
    final List<Segment> segments;

    private StampFit(double[] estimate, double[] halfWidth, List<Segment> segments) {
        this.estimate = estimate;
        this.halfWidth = halfWidth;
        this.segments = segments;
    }

    /**
     * Fits the samples.
     *
     * @param sequence strictly increasing sequence numbers
     * @param second epoch seconds of the stamps, {@code SampleTimes.NO_STAMP} for an unstamped sample; at least one
     *     stamp
     * @param origin the epoch second the results are relative to
     */
    static StampFit fit(long[] sequence, long[] second, double minPeriod, double maxPeriod, double tol, long origin) {
        int n = sequence.length;
        Pass forward = pass(sequence, second, minPeriod, maxPeriod, tol, origin);
        long[] mirroredSequence = new long[n];
        long[] mirroredSecond = new long[n];
        for (int j = 0; j < n; j++) {
            int i = n - 1 - j;
            mirroredSequence[j] = -sequence[i];
            // s <= t < s + 1  ⇔  -s - 1 < -t <= -s
            mirroredSecond[j] = second[i] == SampleTimes.NO_STAMP ? SampleTimes.NO_STAMP : -second[i] - 1;
        }
        Pass backward = pass(mirroredSequence, mirroredSecond, minPeriod, maxPeriod, tol, -origin);
        double[] estimate = new double[n];
        double[] halfWidth = new double[n];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            double lf = forward.lo[i];
            double hf = forward.hi[i];
            double lb = -backward.hi[j];
            double hb = -backward.lo[j];
            double lo;
            double hi;
            if (lf >= lb && hf <= hb) {
                lo = lf;
                hi = hf;
            } else if (lb >= lf && hb <= hf) {
                lo = lb;
                hi = hb;
            } else {
                lo = Math.min(lf, lb);
                hi = Math.max(hf, hb);
            }
            estimate[i] = (lo + hi) / 2;
            halfWidth[i] = (hi - lo) / 2;
        }
        return new StampFit(estimate, halfWidth, forward.segments);
    }

    static Pass pass(long[] sequence, long[] second, double minPeriod, double maxPeriod, double tol, long origin) {
        int n = sequence.length;
        Pass out = new Pass(n);
        Segment current = null;
        int lastStamped = -1;
        for (int i = 0; i < n; i++) {
            long s = second[i];
            if (s == SampleTimes.NO_STAMP) {
                continue;
            }
            if (current == null) {
                current = start(0, RestartReason.FIRST, s, sequence[i], minPeriod, maxPeriod, tol);
                out.segments.add(current);
                lastStamped = i;
                continue;
            }
            RestartReason reason = null;
            long ds = s - second[lastStamped];
            long dq = sequence[i] - sequence[lastStamped];
            if (ds < 0) {
                reason = RestartReason.STAMP_BACKWARD;
            } else if (ds > maxPeriod * dq + 1 + 2 * tol) {
                reason = RestartReason.STAMP_GAP;
            } else {
                double k = sequence[i] - current.baseSequence;
                double r = s - current.baseSecond;
                if (!current.polygon.clipStrip(k, r - tol, r + 1 + tol)) {
                    reason = RestartReason.INCONSISTENT;
                }
            }
            if (reason != null) {
                current.last = i - 1;
                current = start(i, reason, s, sequence[i], minPeriod, maxPeriod, tol);
                out.segments.add(current);
            } else {
                current.stamped++;
            }
            lastStamped = i;
        }
        if (current == null) {
            throw new IllegalArgumentException("no stamped sample to fit");
        }
        current.last = n - 1;
        for (Segment seg : out.segments) {
            double base = seg.baseSecond - origin;
            for (int i = seg.first; i <= seg.last; i++) {
                double k = sequence[i] - seg.baseSequence;
                out.lo[i] = base + seg.polygon.min(k);
                out.hi[i] = base + seg.polygon.max(k);
            }
        }
        return out;
    }

    private static Segment start(
            int first,
            RestartReason reason,
            long second,
            long sequence,
            double minPeriod,
            double maxPeriod,
            double tol) {
        return new Segment(first, reason, ConvexPolygon.box(-tol, 1 + tol, minPeriod, maxPeriod), second, sequence);
    }
}
