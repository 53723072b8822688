package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.WindowCoverage;

/**
 * The energy of one phase of one request, with how the trace's samples cover the phase's window.
 *
 * <p>The coverage is that of the request's own window, whatever the estimator: a pooled estimator may resolve a
 * 20 ms prefill that holds no sample of its own, and its interval, not the sample count, then says how well.
 *
 * @param energy the energy and its 95 % interval
 * @param coverage the samples inside the phase's window, the largest gap across it, and whether it leaves the trace
 * @since 0.2.0
 */
public record PhaseEnergy(EnergyEstimate energy, WindowCoverage coverage) {

    /** {@return the energy estimate in joules: {@code energy().joules()}} */
    public double joules() {
        return energy.joules();
    }
}
