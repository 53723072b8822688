package io.github.tokjoule.tegrastats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a timing harness for {@code docs/PERFORMANCE.md} that the JMH benchmarks cannot run, because it needs
 * the package-private {@link LineScanner}. It scans the lines of a log, already split in memory, with template replay
 * and with full scans only, alternating, and prints the fastest of the passes of each (the least disturbed on a shared
 * machine). Run from the repository root after {@code ./mvnw -o -q -pl metrics-tegrastats test-compile}:
 *
 * <pre>
 * java -cp metrics-tegrastats/target/test-classes:metrics-tegrastats/target/classes:$HOME/.m2/repository/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar \
 *     io.github.tokjoule.tegrastats.ReplayHarness metrics-tegrastats/src/test/resources/corpus/abdel-e-agx-orin-64gb-r36-long.log 25 40
 * </pre>
 */
final class ReplayHarness {

    private ReplayHarness() {}

    public static void main(String[] args) throws IOException {
        byte[] log = Files.readAllBytes(Path.of(args[0]));
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        List<int[]> lines = new ArrayList<>();
        for (int i = 0, start = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        LineScanner replaying = new LineScanner(true);
        LineScanner full = new LineScanner(false);
        long n = (long) lines.size() * copies;
        long bestReplay = Long.MAX_VALUE;
        long bestFull = Long.MAX_VALUE;
        for (int pass = 1; pass <= passes; pass++) {
            long t0 = System.nanoTime();
            long a = scan(replaying, log, lines, copies);
            long t1 = System.nanoTime();
            long b = scan(full, log, lines, copies);
            long t2 = System.nanoTime();
            if (a != b) {
                throw new IllegalStateException("different kinds: " + a + " vs " + b);
            }
            bestReplay = Math.min(bestReplay, t1 - t0);
            bestFull = Math.min(bestFull, t2 - t1);
        }
        System.out.printf(
                "%d lines, fastest of %d passes: replay %.1f ms (%.0f ns/line), full scan %.1f ms (%.0f ns/line);"
                        + " %.1f %% of lines replayed%n",
                n,
                passes,
                bestReplay / 1e6,
                (double) bestReplay / n,
                bestFull / 1e6,
                (double) bestFull / n,
                100.0 * replaying.replayed() / (n * passes));
    }

    private static long scan(LineScanner scanner, byte[] log, List<int[]> lines, int copies) {
        long kinds = 0;
        for (int c = 0; c < copies; c++) {
            for (int[] line : lines) {
                kinds += scanner.scan(log, line[0], line[1], null).ordinal();
            }
        }
        return kinds;
    }
}
