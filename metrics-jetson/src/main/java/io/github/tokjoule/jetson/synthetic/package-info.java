/**
 * Synthetic sweeps with known ground truth: a seeded generator that writes a whole power-mode sweep in the tokjoule
 * layout (run manifest, per cell an aiperf summary, aiperf per-request records and a tegrastats log), and returns the
 * true energy of every request, so that the analysis can be tested against the truth and the demo looks like the real
 * benchmark (seed report, Table 15).
 *
 * <p>Entry points: {@link io.github.tokjoule.jetson.synthetic.SyntheticSweep#generate} for a whole sweep,
 * {@link io.github.tokjoule.jetson.synthetic.SyntheticCell} for one cell (the driver's fake aiperf uses it), and
 * {@link io.github.tokjoule.jetson.synthetic.SyntheticParameters#table15()} for the default parameters.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.synthetic;

import org.jspecify.annotations.NullMarked;
