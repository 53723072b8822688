package io.github.tokjoule.flink;

/**
 * One board's sweep directory: the unit the bounded source reads on a task.
 *
 * @param board the board's name (the stream's key)
 * @param directory the sweep directory, as a path string readable where the task runs
 * @since 0.2.0
 */
public record BoardSweep(String board, String directory) {}
