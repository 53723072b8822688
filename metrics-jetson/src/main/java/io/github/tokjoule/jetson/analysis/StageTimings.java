package io.github.tokjoule.jetson.analysis;

/**
 * Where an analysis spent its time, summed over cells (with several threads the sum exceeds the wall time):
 * reading files (layout walk, aiperf summary and records, tegrastats parsing, time reconstruction, rail traces),
 * computing the rows (integration, statistics, flags), and building the tables.
 *
 * @param readNanos time spent reading and parsing, ns
 * @param computeNanos time spent computing the per-cell rows, ns
 * @param tablesNanos time spent building the tables, ns
 * @param wallNanos the analysis's wall time, ns
 * @since 0.1.0
 */
public record StageTimings(long readNanos, long computeNanos, long tablesNanos, long wallNanos) {}
