package io.github.tokjoule.core.join;

/**
 * The estimators of the join.
 *
 * @since 0.2.0
 */
public final class EnergyEstimators {

    private EnergyEstimators() {}

    /**
     * Returns the per-request estimator: each phase's energy is the exact trapezoid integral of the linearly
     * interpolated trace over the request's own window ({@link io.github.tokjoule.core.power.PowerTrace#energy}); the
     * cell's sums add the requests' integrals. Accurate where every phase window holds several samples; a phase
     * shorter than the sampling interval gets only an interpolation between two samples.
     *
     * <p>Its 95 % interval comes from the {@link #pooled() pooled} estimator: if the pooled interval {@code [E_p − a,
     * E_p + b]} holds the truth, the truth lies within {@code |E − E_p| + max(a, b)} of this estimate {@code E}, so
     * the interval is {@code E ± (|E − E_p| + max(a, b))}, clipped at 0: as calibrated as the pooled one and wider by
     * the two estimators' disagreement.
     *
     * @return the estimator, named {@code PER_REQUEST}
     */
    public static EnergyEstimator perRequest() {
        return PerRequestEstimator.INSTANCE;
    }

    /**
     * Returns the per-request estimator for a sensor that averages its last {@code sensorAveragingNanos} ({@code D}):
     * each window is integrated {@code D/2} later on the readings' stamps (a reading's mean time lies half its
     * averaging before its stamp), and each figure is corrected for the averaging's smoothing at its edges, {@code
     * (ΔP_start − ΔP_end) · D/16}; its interval is that of {@link #pooled(long) pooled(D)}, which carries the
     * allowance {@code (|ΔP_start| + |ΔP_end|) · D/16}, widened as for {@link #perRequest()}. See {@link
     * #automatic(long)} for the derivation and how {@code ΔP} is estimated. {@code perRequest(0)} is {@link
     * #perRequest()}, figure for figure.
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window {@code D} (0 for instantaneous readings)
     * @return the estimator, named {@code PER_REQUEST}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     * @since 0.2.0
     */
    public static EnergyEstimator perRequest(long sensorAveragingNanos) {
        return perRequest(sensorAveragingNanos, 0);
    }

    /**
     * Returns {@link #perRequest(long) perRequest(D)} for readings whose placement {@code D/2} is known only within
     * {@code ± U}: the lag is measured per cell from the readings at the requests' edges, as for {@link
     * #automatic(long, long)}, and the windows are integrated that lag later. {@code perRequest(D, 0)} is {@link
     * #perRequest(long) perRequest(D)}.
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window {@code D}
     * @param placementUncertaintyNanos {@code U}, at least 0; beyond {@code D/2} the lag may be negative (a request
     *     clock offset, see {@link ReadingPlacement})
     * @return the estimator, named {@code PER_REQUEST}
     * @throws IllegalArgumentException if either is negative
     * @since 0.2.0
     */
    public static EnergyEstimator perRequest(long sensorAveragingNanos, long placementUncertaintyNanos) {
        check(sensorAveragingNanos, placementUncertaintyNanos);
        // U may exceed D/2 (a request clock offset), so D = 0 alone does not make the plain instance
        return sensorAveragingNanos == 0 && placementUncertaintyNanos == 0
                ? PerRequestEstimator.INSTANCE
                : new PerRequestEstimator(sensorAveragingNanos, placementUncertaintyNanos);
    }

    /**
     * Checks {@code D ≥ 0} and {@code U ≥ 0}, naming the fix. {@code U} may exceed {@code D/2}: the lag's range {@code
     * [D/2 − U, D/2 + U]} then reaches below 0, a request clock offset against the readings' clock rather than a
     * sensor that reads the future.
     */
    static void check(long sensorAveragingNanos, long placementUncertaintyNanos) {
        if (sensorAveragingNanos < 0) {
            throw new IllegalArgumentException("sensorAveragingNanos must not be negative: " + sensorAveragingNanos);
        }
        if (placementUncertaintyNanos < 0) {
            throw new IllegalArgumentException("placementUncertaintyNanos must not be negative: "
                    + placementUncertaintyNanos + " (declare how far the readings' placement may lie from D/2, either"
                    + " way)");
        }
    }

    /**
     * Returns the pooled (equivalent-time) estimator for a sensor whose readings are instantaneous: {@link
     * #pooled(long) pooled(0)}.
     *
     * @return the estimator, named {@code POOLED}
     */
    public static EnergyEstimator pooled() {
        return pooled(0);
    }

    /**
     * Returns the pooled (equivalent-time) estimator. The requests of a cell repeat one workload and the sampler falls
     * at a different relative position of each, so the samples of every request, pooled per phase on the axis {@code
     * u = (t − phase start) / phase duration}, sample one shared profile far more densely than any single request:
     *
     * <pre>
     * P̂_phase        = mean of the readings inside the phase windows (reading time − averaging / 2)
     * E_phase,i      = P̂_phase · duration_phase,i          E_total,i = E_prefill,i + E_decode,i
     * E_phase (cell) = P̂_phase · Σ duration_phase,i
     * </pre>
     *
     * {@code P̂} is the plain mean of the pooled readings or their equivalent-time reconstruction (the trapezoid
     * through them in {@code u} order), whichever has the smaller standard error. Its 95 % interval adds Student's t
     * times that standard error, the two estimates' disagreement and the unsampled stretches at the phase's ends
     * (times the readings' range; at the start, times the step from the level before the phase, which a ramp climbs),
     * all scaled by a constant chosen on calibration seeds of a synthetic truth grid, plus any gap wider than uniform
     * positions leave (times the readings' range); a phase's own interval reaches a little further toward the level
     * before it, which a ramp hidden in the unsampled start can only pull the phase's mean toward ({@code 0.1 ·
     * u_first · |P̂ − level before|}), and decode's own interval takes the sampling term at 0.7 instead of the common
     * 0.6 (decode's error is sampling noise); a request's own interval adds its deviation from the shared profile
     * (one reading's spread, scaled by {@code √min(1, period / duration)}); the total's half widths add the phases'
     * symmetric ones in quadrature. A phase with fewer than 3 pooled samples is unresolved: its
     * estimate is the mean of what it has (the interpolated trace without any) and its interval spans every reading
     * from one sample before the cell's first request to one after its last: the data cannot say more.
     *
     * <p>Fails where its model fails: requests that differ systematically (a cold first request is averaged with the
     * rest, which the per-request estimator avoids when it has samples), and a sampler locked to the request period
     * (the interval widens but the estimate stays biased toward the few positions sampled).
     *
     * <p>With {@code sensorAveragingNanos} {@code D > 0} a reading is placed {@code D/2} before its stamp (a request is
     * inside the trace when its window, {@code D/2} later, lies within the readings' stamps), and every figure is
     * corrected for the averaging's smoothing at its edges, {@code (ΔP_start − ΔP_end) · D/16}, with the allowance
     * {@code (|ΔP_start| + |ΔP_end|) · D/16} added linearly to both half widths, per request and summed over the cell
     * (see {@link #automatic(long)}). {@code pooled(0)} is {@link #pooled()}.
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window (0 for instantaneous readings): a reading is
     *     placed half of it before its time stamp, and the edges' smoothing is corrected and allowed for
     * @return the estimator, named {@code POOLED}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     */
    public static EnergyEstimator pooled(long sensorAveragingNanos) {
        return new PooledEstimator(sensorAveragingNanos);
    }

    /**
     * Returns {@link #pooled(long) pooled(D)} for readings whose placement {@code D/2} is known only within {@code ±
     * U}: the lag is measured per cell from the readings at the requests' edges and its uncertainty allowed for, as
     * for {@link #automatic(long, long)}. {@code pooled(D, 0)} is {@link #pooled(long) pooled(D)}.
     *
     * <p>{@code U} beyond {@code D/2} declares a request clock offset against the readings (a client's stamps, another
     * host's clock, tegrastats' reconstructed sample times): the lag's range {@code [D/2 − U, D/2 + U]} then reaches
     * below 0, {@code [−U, U]} for instantaneous readings ({@code pooled(0, U)}), and where the edges do not measure
     * it every window's interval widens by {@code U · (R_start + R_end)} around the estimate at {@code D/2}. On the
     * synthetic truth grid at ~515 ms sampling {@code pooled(0, 20 ms)} covers the truth in 96–100 % of cells for
     * every offset within ±20 ms, where {@code pooled()} covers prefill in 75–77 % at +20 ms, at 1.4–2.3 × its median
     * half width at no offset (docs/ANALYSIS.md §11, "Round 8: request clock offset").
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window {@code D}
     * @param placementUncertaintyNanos {@code U}, at least 0; beyond {@code D/2} the lag may be negative (a request
     *     clock offset, see {@link ReadingPlacement})
     * @return the estimator, named {@code POOLED}
     * @throws IllegalArgumentException if either is negative
     * @since 0.2.0
     */
    public static EnergyEstimator pooled(long sensorAveragingNanos, long placementUncertaintyNanos) {
        return new PooledEstimator(sensorAveragingNanos, placementUncertaintyNanos);
    }

    /**
     * The fewest samples inside each phase window of every request for which {@link #automatic()} integrates per
     * request.
     */
    public static final int DENSE_SAMPLES = 10;

    /**
     * Returns the default estimator, which picks per cell by a documented rule: {@link #perRequest()} where every
     * attributable request holds at least {@link #DENSE_SAMPLES} samples inside its prefill window and inside its
     * decode window (dense sampling: each request measured on its own, a cold first request included), else {@link
     * #pooled()}. The attribution's {@link CellAttribution#estimator()} names the estimator used, {@code PER_REQUEST}
     * or {@code POOLED}; a cell without attributable requests is pooled (every figure NaN).
     *
     * @return the estimator, named {@code AUTO}
     */
    public static EnergyEstimator automatic() {
        return AutomaticEstimator.INSTANCE;
    }

    /**
     * Returns the default estimator for a sensor whose readings average its last {@code sensorAveragingNanos}
     * ({@code D}): the rule of {@link #automatic()} between {@link #perRequest(long) perRequest(D)} and {@link
     * #pooled(long) pooled(D)} (the density counted on the windows {@code D/2} later). {@code automatic(0)} is {@link
     * #automatic()}, figure for figure.
     *
     * <p><b>Why the sensor's averaging matters at a request's edges.</b> A reading stamped {@code t} is a mean of the
     * power over {@code [t − D, t]}; placed at {@code t − D/2} it is the power smoothed by a centred kernel. A shift
     * alone leaves the smoothing: a step {@code ΔP} (after − before) at a window's edge becomes a ramp across it, and
     * the window keeps only the ramp's inner half. For a boxcar of length {@code D} and the step at the edge the
     * window misses a triangle, {@code ∫₀^(D/2) ΔP · (x/D − 1/2) dx = −ΔP · D/8} at the start and {@code +ΔP_end ·
     * D/8} at the end; for any symmetric unimodal kernel within {@code D} (a shorter boxcar, a triangle, the INA3221's
     * average of a register up to one update old) and for a step near the edge, between 0 and that. A request that
     * rises from idle at its start and falls back at its end is read short at both edges, and every request of a cell
     * alike: a bias, not noise, that no pooling averages away (issue 16: on a fake INA3221 tree, 40 requests of
     * 150–210 ms at 100 Hz fell 0.55–0.61 J short of the exact 89.2 J, 1.0–1.4 half widths of the pooled interval, with
     * the shift alone). Hence, per figure over {@code [a, b]}, the middle of the bias's range and all of it allowed:
     *
     * <pre>
     * estimate  = E(readings placed D/2 earlier) + (ΔP_a − ΔP_b) · D/16
     * interval  = the estimator's interval, moved likewise and widened on both sides by (|ΔP_a| + |ΔP_b|) · D/16
     * ΔP_x      = (first reading stamped at or after x + D) − (last reading stamped at or before x)
     * </pre>
     *
     * <p>The interval thus reaches the boxcar's whole bias {@code (|ΔP_a| + |ΔP_b|) · D/8} on the side the steps point
     * to. The two readings of {@code ΔP_x} are the nearest whose averaging windows lie wholly after and wholly before
     * the edge, so neither is on the ramp (the trace's first or last reading where there is none); where the power
     * does not change near the edge they read the same level and {@code ΔP_x ≈ 0}. The allowance is systematic, so it
     * is added linearly per request and summed over the cell's requests, not put in quadrature. A request's prefill and
     * decode also carry their inner edge (the first token), whose correction moves energy between them and cancels in
     * the total; the total carries the outer edges only. Derivation and measurements: docs/ANALYSIS.md §11.
     *
     * <p><b>Gaps shorter than the averaging: the span less the gaps.</b> Where {@code D > 0}, every request of the
     * cell is attributed, the requests run one at a time and at least half the gaps between them are shorter than
     * {@code D} (nvidia-smi's one-second mean between requests 0.1–0.5 s apart), the readings smear each request into
     * the gaps, by about {@code −ΔP · g · (1 − g/D)} per gap of length {@code g}, which the edge correction cannot see
     * (the readings either side of a short gap are both busy-level means). There the cell's total is the energy over
     * its whole span, which has two outer edges only, less each gap's, a gap shorter than {@code D} taken at the floor
     * (the lowest reading around the cell) and allowed up to the highest reading averaging over it, and the cell's
     * decode is that total less its prefill; the attribution is then named {@code SPAN}, and the requests' own
     * figures stay those of the estimator picked. Formulas, assumptions and measurements: {@code SpanLessGaps},
     * docs/ANALYSIS.md §11 "The span less the gaps".
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window {@code D}, or the delay within which a reading
     *     reflects the power (0 for instantaneous readings)
     * @return the estimator, named {@code AUTO}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     * @since 0.2.0
     */
    public static EnergyEstimator automatic(long sensorAveragingNanos) {
        return sensorAveragingNanos == 0 ? AutomaticEstimator.INSTANCE : new AutomaticEstimator(sensorAveragingNanos);
    }

    /**
     * Returns {@link #automatic(long) automatic(D)} for readings whose placement is known only within a range: a
     * reading stamped {@code t} shows the power at {@code t − L} for one unknown lag {@code L ∈ [D/2 − U, D/2 + U]}
     * that holds through the cell (nvidia-smi's instant reading: its 100 ms lines and the H100's 100 ms refresh are
     * locked in phase, so the staleness is a constant per run anywhere in the period; {@code D/2} = 90 ms, {@code U}
     * = 60 ms). A wrong lag misplaces every request's edges alike, so its error adds linearly over the cell.
     *
     * <p>Per cell the lag is measured from the readings at the requests' starts and ends, where the power steps at
     * known times ({@code ReadingLag}: each ambiguous reading near an edge says whether it shows the level before or
     * after the edge, and the lags that misread at most one reading more than the best form the bracket {@code [L̂ −
     * u, L̂ + u]}). The readings are then placed {@code L̂} before their stamps, and every window's interval is widened
     * on both sides by the lag's uncertainty times how far the power moves near its edges, linearly per request and
     * over the cell:
     *
     * <pre>
     * estimate  = E(readings placed L̂ earlier) + (ΔP_a − ΔP_b) · D/16
     * interval  = the estimator's, moved likewise and widened by (|ΔP_a| + |ΔP_b|) · D/16 + (R_a + R_b) · u
     * </pre>
     *
     * with {@code ΔP} the step at an edge and {@code R} the readings' range near it (the range, not the step: a
     * prefill's spike right after a start is what a misplaced start loses).
     *
     * Where the edges do not identify the lag (fewer than 8 isolated edges with a clear step, or a bracket that
     * reaches an end of the declared range) the readings are placed {@code D/2} earlier and {@code u = U}: the
     * systematic allowance of the whole declared range. Which of the two happened, the lag, its allowance and the
     * fallback's reason are the attribution's {@link CellAttribution#placement()}. A cell whose total is the span less
     * the gaps ({@code SPAN}) reads its span at {@code D/2}, as for {@link #automatic(long)}. {@code automatic(D, 0)}
     * is {@link #automatic(long) automatic(D)}, figure for figure. Measurements: docs/ANALYSIS.md §11, "The readings'
     * lag".
     *
     * @param sensorAveragingNanos the sensor's averaging window or delay {@code D}
     * @param placementUncertaintyNanos {@code U}, how far the lag may lie from {@code D/2} either way, at least 0;
     *     beyond {@code D/2} the lag may be negative (a request clock offset, see {@link ReadingPlacement})
     * @return the estimator, named {@code AUTO}
     * @throws IllegalArgumentException if either is negative
     * @since 0.2.0
     */
    public static EnergyEstimator automatic(long sensorAveragingNanos, long placementUncertaintyNanos) {
        check(sensorAveragingNanos, placementUncertaintyNanos);
        return placementUncertaintyNanos == 0
                ? automatic(sensorAveragingNanos)
                : new AutomaticEstimator(sensorAveragingNanos, placementUncertaintyNanos);
    }
}
