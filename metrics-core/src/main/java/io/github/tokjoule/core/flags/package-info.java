/**
 * Accuracy flags (DESIGN §3.5): every cell result carries the {@link io.github.tokjoule.core.flags.Flag}s that say
 * when a number is approximate or wrong, each an {@link io.github.tokjoule.core.flags.AccuracyFlag} with a
 * {@link io.github.tokjoule.core.flags.Severity}, the numbers behind it and a one-line reason.
 * {@link io.github.tokjoule.core.flags.FlagRules} evaluates each rule from plain numbers against
 * {@link io.github.tokjoule.core.flags.FlagThresholds}, whose defaults are the seed's values (500 ms prefill rule,
 * 85 °C, 10 % length mismatch) and DESIGN's (2 samples per window, gap above 3 × the nominal interval).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.flags;

import org.jspecify.annotations.NullMarked;
