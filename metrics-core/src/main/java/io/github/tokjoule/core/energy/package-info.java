/**
 * Token-energy formulas (DESIGN §3.3, seed §J): energies of a request and its prefill and decode phases, tokens per
 * joule in every variant people quote ({@link io.github.tokjoule.core.energy.OutputTokJVariant}), prefill, decode and
 * total tokens per joule, millijoules per output token and the ratio-of-sums efficiency of the measured method.
 *
 * <p>Every formula is a static method of {@link io.github.tokjoule.core.energy.TokenEnergy} whose parameters carry
 * their units ({@code watts}, {@code seconds}, {@code tokens}, {@code joules}); a negative or non-finite argument, a
 * request latency shorter than its time to first token, or a zero power or energy in a denominator is an
 * {@link java.lang.IllegalArgumentException} naming the argument and its value.
 * {@link io.github.tokjoule.core.energy.PhaseInputs} and {@link io.github.tokjoule.core.energy.EnergyBreakdown}
 * apply all of them to one cell at once.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.energy;

import org.jspecify.annotations.NullMarked;
