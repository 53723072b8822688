package io.github.tokjoule.examples;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock laps of a command, printed to standard error when the environment variable {@code TOKJOULE_TIMINGS} is
 * set (used for the figures in docs/PERFORMANCE.md): time from JVM start to the command, then each lap.
 */
final class Timings {

    private final List<String> laps = new ArrayList<>();
    private final long startNanos;
    private long lastNanos;

    private Timings() {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
    }

    static Timings start() {
        return new Timings();
    }

    void lap(String name) {
        long now = System.nanoTime();
        laps.add(String.format(Locale.ROOT, "%s %d ms", name, (now - lastNanos) / 1_000_000));
        lastNanos = now;
    }

    void print(PrintWriter err) {
        if (System.getenv("TOKJOULE_TIMINGS") == null) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long mine = (lastNanos - startNanos) / 1_000_000;
        err.println("timings: JVM start to command " + (uptime - mine) + " ms; " + String.join("; ", laps)
                + "; total since JVM start " + uptime + " ms");
        err.flush();
    }
}
