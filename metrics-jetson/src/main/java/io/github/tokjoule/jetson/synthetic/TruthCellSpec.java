package io.github.tokjoule.jetson.synthetic;

import java.util.SplittableRandom;

/**
 * The specification of a {@link TruthCell}: one cell of repeated requests at concurrency 1 on a continuous power
 * model built to break energy estimators (ramps at phase edges, a sensor that averages its last milliseconds, power
 * that drifts during decode, differences between requests, idle gaps, request periods locked to the sampling period).
 *
 * @param randomSeed the random seed of every draw
 * @param requests requests in the cell, at least 1
 * @param ttftMillis the median time to first token, positive
 * @param latencyMillis the median request latency, above {@code ttftMillis}
 * @param samplingPeriodMillis the true period of the power sampler (tegrastats at {@code --interval 500} samples
 *     every ~520 ms)
 * @param jitterMillis each sample's time is its periodic position ± up to this, uniform
 * @param sensorAveragingMillis a reading is the mean true power over this trailing window (0: instantaneous)
 * @param rampMillis power moves linearly to a new phase's level over this time after each phase edge (0: a step)
 * @param idleWatts power between requests
 * @param prefillWatts power during prefill
 * @param decodeWatts power at the first token of decode
 * @param decodeDrift relative change of the decode level from the first token to the end ({@code 0.05}: 5 % higher
 *     at the end)
 * @param noiseFraction standard deviation of a fluctuation redrawn every 100 ms, relative to {@code decodeWatts} (a
 *     quarter of it between requests)
 * @param requestSpread standard deviation of each request's own level factor (1 + spread · N(0, 1))
 * @param latencySpread log-normal standard deviation of each request's TTFT and latency around the medians
 * @param minGapMillis shortest idle gap between requests
 * @param maxGapMillis longest idle gap between requests
 * @param phaseLocked if {@code true}, every request lasts exactly the medians and start-to-start periods are whole
 *     multiples of the sampling period: every request is sampled at the same relative instants (the case pooling
 *     cannot resolve)
 * @param requestClockOffsetNanos every request time handed to an estimator is the true one plus this (the requests'
 *     clock against the sensor's: a client that stamps a request before the server starts it, a benchmark on another
 *     host, tegrastats' reconstructed sub-second times); the power, the trace and the true energies do not move. 0:
 *     exact request times
 * @since 0.2.0
 */
public record TruthCellSpec(
        long randomSeed,
        int requests,
        double ttftMillis,
        double latencyMillis,
        double samplingPeriodMillis,
        double jitterMillis,
        double sensorAveragingMillis,
        double rampMillis,
        double idleWatts,
        double prefillWatts,
        double decodeWatts,
        double decodeDrift,
        double noiseFraction,
        double requestSpread,
        double latencySpread,
        double minGapMillis,
        double maxGapMillis,
        boolean phaseLocked,
        long requestClockOffsetNanos) {

    /**
     * Validates the specification.
     *
     * @throws IllegalArgumentException if a count or duration is out of range, naming it
     */
    public TruthCellSpec {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        if (!(ttftMillis > 0) || !(latencyMillis > ttftMillis)) {
            throw new IllegalArgumentException("need 0 < ttftMillis < latencyMillis: ttftMillis " + ttftMillis
                    + ", latencyMillis " + latencyMillis);
        }
        if (!(samplingPeriodMillis > 2 * jitterMillis) || jitterMillis < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= 2 jitterMillis < samplingPeriodMillis: " + jitterMillis + ", " + samplingPeriodMillis);
        }
        if (!(sensorAveragingMillis >= 0)
                || !(rampMillis >= 0)
                || !(minGapMillis >= 0)
                || !(maxGapMillis >= minGapMillis)) {
            throw new IllegalArgumentException("sensorAveragingMillis, rampMillis and gaps must not be negative, with"
                    + " minGapMillis <= maxGapMillis: " + sensorAveragingMillis + ", " + rampMillis + ", "
                    + minGapMillis + ", " + maxGapMillis);
        }
        if (!(idleWatts >= 0) || !(prefillWatts > 0) || !(decodeWatts > 0)) {
            throw new IllegalArgumentException("powers must be positive (idle not negative): " + idleWatts + ", "
                    + prefillWatts + ", " + decodeWatts);
        }
    }

    /**
     * Returns a cell of 20 requests whose difficulty is drawn from {@code randomSeed}: sampling period 500 ms × (1 + 2–5 %),
     * jitter ±3 ms, sensor averaging 0–10 ms, ramps 10–50 ms, idle 1.25 W, decode 4–8 W, prefill 1.05–1.30 × decode,
     * decode drift ±8 %, fluctuation 1–5 %, request spread 0–4 %, latency spread 3 %, and idle gaps of 3–25 ms (in
     * a quarter of the cells 0.2–2 s instead).
     *
     * @param randomSeed the random seed
     * @param ttftMillis the median TTFT
     * @param latencyMillis the median request latency
     * @return the specification
     */
    public static TruthCellSpec random(long randomSeed, double ttftMillis, double latencyMillis) {
        SplittableRandom r = new SplittableRandom(randomSeed ^ 0x5DEECE66DL);
        double decode = r.nextDouble(4, 8);
        boolean longGaps = r.nextDouble() < 0.25;
        return new TruthCellSpec(
                randomSeed,
                20,
                ttftMillis,
                latencyMillis,
                500 * (1 + r.nextDouble(0.02, 0.05)),
                3,
                r.nextDouble(0, 10),
                r.nextDouble(10, 50),
                1.25,
                decode * r.nextDouble(1.05, 1.30),
                decode,
                r.nextDouble(-0.08, 0.08),
                r.nextDouble(0.01, 0.05),
                r.nextDouble(0, 0.04),
                0.03,
                longGaps ? 200 : 3,
                longGaps ? 2000 : 25,
                false,
                0);
    }

    /**
     * Returns this specification with another number of requests.
     *
     * @param count the requests, at least 1
     * @return the specification
     */
    public TruthCellSpec withRequests(int count) {
        return with(count, phaseLocked, requestClockOffsetNanos);
    }

    /** {@return this specification with request periods locked to the sampling period} */
    public TruthCellSpec withPhaseLocked() {
        return with(requests, true, requestClockOffsetNanos);
    }

    /**
     * Returns this specification with the requests' clock offset from the sensor's: every request time handed to an
     * estimator ({@link TruthCell#requests()}) is the true one plus {@code offsetNanos}, while the power, the sampled
     * trace and the true energies are those of the same specification without an offset. For the pooled estimator
     * this is a readings' lag of {@code D/2 − ε} on the requests' clock ({@code ReadingPlacement}).
     *
     * @param offsetNanos {@code ε}, either sign: positive where the requests are stamped after they truly started
     * @return the specification
     * @since 0.2.0
     */
    public TruthCellSpec withRequestClockOffsetNanos(long offsetNanos) {
        return with(requests, phaseLocked, offsetNanos);
    }

    private TruthCellSpec with(int count, boolean locked, long offsetNanos) {
        return new TruthCellSpec(
                randomSeed,
                count,
                ttftMillis,
                latencyMillis,
                samplingPeriodMillis,
                jitterMillis,
                sensorAveragingMillis,
                rampMillis,
                idleWatts,
                prefillWatts,
                decodeWatts,
                decodeDrift,
                noiseFraction,
                requestSpread,
                latencySpread,
                minGapMillis,
                maxGapMillis,
                locked,
                offsetNanos);
    }
}
