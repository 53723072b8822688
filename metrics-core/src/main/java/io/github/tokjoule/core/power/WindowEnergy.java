package io.github.tokjoule.core.power;

/**
 * The energy of a power trace over one window, with the coverage that says how far to trust it.
 *
 * @param joules the energy in joules; NaN when the window lies wholly outside the trace
 *     ({@link WindowCoverage#outsideTrace()})
 * @param coverage how the trace's samples cover the window
 * @since 0.1.0
 */
public record WindowEnergy(double joules, WindowCoverage coverage) {}
