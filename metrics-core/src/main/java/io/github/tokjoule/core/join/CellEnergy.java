package io.github.tokjoule.core.join;

import java.util.List;

/**
 * A cell's energy as ratios of sums over its attributed requests (the requests of one workload shape, repeated):
 * MLPerf Power's work per joule, which a few poorly sampled short requests cannot dominate as they would a mean of
 * per-request ratios.
 *
 * <pre>
 * E_phase          = Σ_i E_phase,i            (with the estimator's 95 % interval for the sum)
 * output tok/J     = Σ OSL_i / Σ E_total,i     prefill tok/J = Σ ISL_i / Σ E_prefill,i
 * decode tok/J     = Σ OSL_i / Σ E_decode,i    total tok/J   = Σ (ISL_i + OSL_i) / Σ E_total,i
 * mean W of phase  = Σ E_phase,i / Σ duration_phase,i
 * </pre>
 *
 * All tokens-per-joule arithmetic goes through {@link io.github.tokjoule.core.energy.TokenEnergy}. With no
 * attributed request ({@code requests == 0}) every figure is NaN.
 *
 * @param requests the number of attributed requests summed, not negative
 * @param inputTokens Σ ISL over them
 * @param outputTokens Σ OSL over them
 * @param prefillNanos Σ TTFT over them
 * @param decodeNanos Σ (end − first token) over them
 * @param prefill Σ prefill energy with its interval
 * @param decode Σ decode energy with its interval
 * @param total Σ request energy with its interval
 * @since 0.2.0
 */
public record CellEnergy(
        int requests,
        double inputTokens,
        double outputTokens,
        long prefillNanos,
        long decodeNanos,
        EnergyEstimate prefill,
        EnergyEstimate decode,
        EnergyEstimate total) {

    /**
     * Validates the sums.
     *
     * @throws IllegalArgumentException if a count, a token sum or a duration is negative or not finite
     */
    public CellEnergy {
        if (requests < 0 || prefillNanos < 0 || decodeNanos < 0) {
            throw new IllegalArgumentException("requests (" + requests + "), prefillNanos (" + prefillNanos
                    + ") and decodeNanos (" + decodeNanos + ") must not be negative");
        }
        if (!(inputTokens >= 0) || !(outputTokens >= 0) || Double.isInfinite(inputTokens + outputTokens)) {
            throw new IllegalArgumentException("token sums must be finite and not negative: inputTokens " + inputTokens
                    + ", outputTokens " + outputTokens);
        }
    }

    /**
     * Returns the energy of a cell without attributed requests: zero sums and every energy NaN without an interval.
     *
     * @return the empty cell
     * @since 0.2.0
     */
    public static CellEnergy none() {
        return new CellEnergy(
                0, 0, 0, 0, 0, EnergyEstimate.unmeasured(), EnergyEstimate.unmeasured(), EnergyEstimate.unmeasured());
    }

    /**
     * Returns the sums over attributed requests, with the energies and intervals the estimator computed for them.
     *
     * @param requests the attributed requests whose tokens and durations are summed
     * @param prefill Σ prefill energy with its interval
     * @param decode Σ decode energy with its interval
     * @param total Σ request energy with its interval
     * @return the cell's energy
     */
    public static CellEnergy of(
            List<AttributedRequest> requests, EnergyEstimate prefill, EnergyEstimate decode, EnergyEstimate total) {
        double in = 0;
        double out = 0;
        long prefillNanos = 0;
        long decodeNanos = 0;
        for (AttributedRequest r : requests) {
            in += r.timeline().inputTokens();
            out += r.timeline().outputTokens();
            prefillNanos = Math.addExact(prefillNanos, r.timeline().durationNanos(Phase.PREFILL));
            decodeNanos = Math.addExact(decodeNanos, r.timeline().durationNanos(Phase.DECODE));
        }
        return new CellEnergy(requests.size(), in, out, prefillNanos, decodeNanos, prefill, decode, total);
    }

    /**
     * Returns the summed energy of a phase.
     *
     * @param phase the phase
     * @return {@link #prefill()}, {@link #decode()} or {@link #total()}
     */
    public EnergyEstimate energy(Phase phase) {
        return switch (phase) {
            case PREFILL -> prefill;
            case DECODE -> decode;
            case TOTAL -> total;
        };
    }

    /**
     * Returns the mean energy per request of a phase, {@code Σ E / n}, with the interval scaled alike.
     *
     * @param phase the phase
     * @return joules per request; NaN without requests
     */
    public EnergyEstimate joulesPerRequest(Phase phase) {
        EnergyEstimate sum = energy(phase);
        if (requests == 0) {
            return EnergyEstimate.unmeasured();
        }
        return new EnergyEstimate(
                sum.joules() / requests, sum.ci95LowJoules() / requests, sum.ci95HighJoules() / requests);
    }

    /** {@return output tokens per joule of the whole requests, {@code Σ OSL / Σ E_total}} */
    public TokensPerJouleEstimate outputTokensPerJoule() {
        return TokensPerJouleEstimate.of(outputTokens, total);
    }

    /** {@return input tokens per joule of prefill, {@code Σ ISL / Σ E_prefill}} */
    public TokensPerJouleEstimate prefillTokensPerJoule() {
        return TokensPerJouleEstimate.of(inputTokens, prefill);
    }

    /** {@return output tokens per joule of decode, {@code Σ OSL / Σ E_decode}} */
    public TokensPerJouleEstimate decodeTokensPerJoule() {
        return TokensPerJouleEstimate.of(outputTokens, decode);
    }

    /** {@return all tokens per joule of the whole requests, {@code Σ (ISL + OSL) / Σ E_total}} */
    public TokensPerJouleEstimate totalTokensPerJoule() {
        return TokensPerJouleEstimate.of(inputTokens + outputTokens, total);
    }

    /**
     * Returns the mean power of a phase over the cell, {@code Σ E_phase / Σ duration_phase}.
     *
     * @param phase the phase
     * @return watts; NaN without requests or if the phase's summed duration is zero
     */
    public double meanWatts(Phase phase) {
        long nanos =
                switch (phase) {
                    case PREFILL -> prefillNanos;
                    case DECODE -> decodeNanos;
                    case TOTAL -> prefillNanos + decodeNanos;
                };
        return nanos > 0 ? energy(phase).joules() / (nanos / 1e9) : Double.NaN;
    }
}
