package io.github.tokjoule.core.join;

/**
 * One request with the energy an estimator attributed to each of its phases.
 *
 * <p>{@code prefill + decode = total} to floating-point rounding for every estimator of
 * {@link EnergyEstimators}: the phases partition the request.
 *
 * @param index the request's position in the list given to the estimator
 * @param timeline the request
 * @param prefill the energy of {@code [start, firstToken]}
 * @param decode the energy of {@code [firstToken, end]}
 * @param total the energy of {@code [start, end]}
 * @since 0.2.0
 */
public record AttributedRequest(
        int index, RequestTimeline timeline, PhaseEnergy prefill, PhaseEnergy decode, PhaseEnergy total) {

    /**
     * Validates the index.
     *
     * @throws IllegalArgumentException if the index is negative
     */
    public AttributedRequest {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }

    /**
     * Returns the energy of a phase.
     *
     * @param phase the phase
     * @return {@link #prefill()}, {@link #decode()} or {@link #total()}
     */
    public PhaseEnergy phase(Phase phase) {
        return switch (phase) {
            case PREFILL -> prefill;
            case DECODE -> decode;
            case TOTAL -> total;
        };
    }

    /** {@return output tokens per joule of the whole request, {@code OSL / E_total}, with its interval} */
    public TokensPerJouleEstimate outputTokensPerJoule() {
        return TokensPerJouleEstimate.of(timeline.outputTokens(), total.energy());
    }
}
