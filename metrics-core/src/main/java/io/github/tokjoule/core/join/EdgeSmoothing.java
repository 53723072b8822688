package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;

/**
 * What a sensor's averaging does to a window's energy at the window's edges, and the estimators' correction and
 * allowance for it ({@link EnergyEstimators#automatic(long)}).
 *
 * <p>Model: a reading stamped {@code t} is a mean of the power over {@code [t − D, t]}; placed at {@code t − D/2} it
 * is the true power smoothed by a centred kernel. A step of height {@code ΔP} (after − before) at an edge becomes a
 * ramp, and the window keeps only the ramp's inner half. For a boxcar of length {@code D} with the step at the edge,
 * the window's integral of the smoothed readings differs from the truth by a triangle:
 *
 * <pre>
 * at the start a:  ∫₀^(D/2) ΔP_a · (x/D − 1/2) dx = −ΔP_a · D/8     (a rise is read short)
 * at the end b:    ∫_(−D/2)^0 ΔP_b · (x/D + 1/2) dx = +ΔP_b · D/8    (a fall, ΔP_b &lt; 0, is read short)
 * </pre>
 *
 * In general the edge's bias is {@code −ΔP · E|X| / 2} for a kernel {@code X} centred on 0, and for any symmetric
 * unimodal kernel within {@code [−D/2, D/2]} (a boxcar of any length up to {@code D}, a triangle, the INA3221's
 * average of a register up to one period old) {@code E|X| ≤ D/4}: the bias lies between 0 and the boxcar's {@code
 * ΔP · D/8}, in the direction of the step; a step {@code δ} away from the edge shrinks it further ({@code (1 −
 * 2|δ|/D)²} of it for the boxcar; none beyond {@code D/2}). The estimators take the middle of that range and allow
 * for all of it:
 *
 * <pre>
 * correction = (ΔP_a − ΔP_b) · D/16           added to the estimate
 * allowance  = (|ΔP_a| + |ΔP_b|) · D/16        added to both half widths, linearly
 * </pre>
 *
 * so the interval reaches the whole boxcar bias {@code (|ΔP_a| + |ΔP_b|) · D/8} on the side the steps point to and
 * stays where it was on the other. Why the middle and not the boxcar's full value: on the INA3221 model of
 * metrics-live's tests ({@code samples=4}, {@code update_interval=6}, {@code D = 10.5} ms; steps within 2 ms of the
 * edges) the shift alone falls 0.20–0.70 J short over 40 windows where the boxcar's full correction is 0.99 J, so the
 * full value overshoots about as far as the shift
 * alone falls short. The allowance is systematic (every request of a cell is read short alike), so it adds linearly,
 * per request and over the cell, not in quadrature.
 *
 * <p>{@code ΔP} at an edge {@code x} is estimated from the two readings nearest it whose averaging lies wholly on
 * either side: the last one stamped at or before {@code x} (it averages within {@code (−∞, x]}) and the first one
 * stamped at or after {@code x + D}; the trace's first or last reading where there is none. A phase's inner edge (the
 * first token) moves energy between prefill and decode and cancels in the total: the phases carry it, the total does
 * not.
 */
final class EdgeSmoothing {

    private final PowerTrace trace;
    private final long averagingNanos;
    private final double seconds;

    EdgeSmoothing(PowerTrace trace, long averagingNanos) {
        this.trace = trace;
        this.averagingNanos = averagingNanos;
        this.seconds = averagingNanos / 1e9 / 16;
    }

    /**
     * The step of the power at {@code x}, in W: the first reading stamped at or after {@code x + D} less the last one
     * stamped at or before {@code x}.
     */
    double stepWatts(long x) {
        return afterWatts(x) - beforeWatts(x);
    }

    /** The last reading stamped at or before {@code x}, in W: one whose averaging lies wholly before {@code x}. */
    double beforeWatts(long x) {
        return trace.wattsAt(Math.max(0, PhasePool.lowerBound(trace, x + 1) - 1));
    }

    /** The first reading stamped at or after {@code x + D}, in W: one whose averaging lies wholly after {@code x}. */
    double afterWatts(long x) {
        return trace.wattsAt(Math.min(trace.size() - 1, PhasePool.lowerBound(trace, x + averagingNanos)));
    }

    /** The correction of a window's energy, in J, from the steps at its start and end: {@code (ΔP_a − ΔP_b) · D/16}. */
    double correctionJoules(double startStepWatts, double endStepWatts) {
        return (startStepWatts - endStepWatts) * seconds;
    }

    /** The allowance for a window's correction, in J: {@code (|ΔP_a| + |ΔP_b|) · D/16}. */
    double allowanceJoules(double startStepWatts, double endStepWatts) {
        return (Math.abs(startStepWatts) + Math.abs(endStepWatts)) * seconds;
    }

    /** The steps at a request's start, first token and end. */
    double[] steps(RequestTimeline r) {
        return new double[] {
            stepWatts(r.startEpochNanos()), stepWatts(r.firstTokenEpochNanos()), stepWatts(r.endEpochNanos())
        };
    }

    /** An estimate moved by a correction and widened by its allowance on both sides, clipped at 0. */
    static EnergyEstimate applied(EnergyEstimate e, double correctionJoules, double allowanceJoules) {
        if (!e.hasInterval()) {
            return EnergyEstimate.withoutInterval(Math.max(0, e.joules() + correctionJoules));
        }
        double joules = Math.max(0, e.joules() + correctionJoules);
        return EnergyEstimate.of(
                joules,
                Math.max(0, Math.min(joules, e.ci95LowJoules() + correctionJoules - allowanceJoules)),
                Math.max(joules, e.ci95HighJoules() + correctionJoules + allowanceJoules));
    }
}
