package io.github.tokjoule.core.power;

/**
 * The measured energy of one request, split by phase (DESIGN §3.3, the "measured" method): each figure is the
 * integral of the power trace over the request's own window, see {@link RequestEnergies#measure}.
 *
 * <p>{@code prefillJoules + decodeJoules} equals {@code totalJoules} to floating-point rounding (a few ulps of the
 * trace's cumulative energy), because adjacent windows add up. A phase whose window lies wholly outside the trace is
 * NaN while the others may not be: check the coverages.
 *
 * @param prefillJoules energy over {@code [start, firstToken]} in joules; NaN if that window is outside the trace
 * @param decodeJoules energy over {@code [firstToken, end]} in joules; NaN if that window is outside the trace
 * @param totalJoules energy over {@code [start, end]} in joules; NaN if that window is outside the trace
 * @param prefillCoverage coverage of the prefill window (fewer than 2 samples inside → {@code PREFILL_UNDERSAMPLED})
 * @param decodeCoverage coverage of the decode window
 * @param totalCoverage coverage of the whole request window
 * @since 0.1.0
 */
public record RequestEnergy(
        double prefillJoules,
        double decodeJoules,
        double totalJoules,
        WindowCoverage prefillCoverage,
        WindowCoverage decodeCoverage,
        WindowCoverage totalCoverage) {}
