/**
 * The per-cell row (DESIGN §3.3, §7): {@link io.github.tokjoule.core.cell.CellMetrics} gathers a cell's identity
 * ({@link io.github.tokjoule.core.cell.CellId}: model, power-mode label, backend, target prompt and generation
 * lengths), its {@link io.github.tokjoule.core.cell.CellStatus}, latency summaries, power statistics, every tokens
 * per joule variant, energies, the {@link io.github.tokjoule.core.cell.EnergyMethod} they were computed by, and its
 * accuracy flags. {@link io.github.tokjoule.core.cell.CellMetric} names each number with its unit and direction so
 * that tables, speedups and best-of searches can be written once ({@link io.github.tokjoule.core.cell.Cells}).
 *
 * <p><b>Absent values are {@code NaN}.</b> A number that was not measured or cannot be computed for a cell (a
 * failed cell, a prefill without samples, a token rate the source did not report) is {@code Double.NaN}, never 0;
 * summaries that are unknown are {@link io.github.tokjoule.core.stats.Summary#empty()}. {@code NaN} keeps a row
 * printable and sortable and propagates through arithmetic instead of producing a plausible wrong number; test it
 * with {@link Double#isNaN(double)}.
 *
 * @since 0.1.0
 */
@NullMarked
@ValueStyle
package io.github.tokjoule.core.cell;

import io.github.tokjoule.core.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
