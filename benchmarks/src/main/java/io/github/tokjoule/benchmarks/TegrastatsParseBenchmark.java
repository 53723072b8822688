package io.github.tokjoule.benchmarks;

import io.github.tokjoule.tegrastats.TegrastatsLog;
import io.github.tokjoule.tegrastats.TegrastatsParser;
import io.github.tokjoule.tegrastats.TegrastatsReader;
import io.github.tokjoule.tegrastats.TegrastatsSample;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * tegrastats parsing (DESIGN §9): the streaming {@link TegrastatsReader} over a realistic log of more than 100,000
 * lines against {@code BufferedReader.lines().count()} on the same file (the target: at least half its speed), and a
 * {@code java.util.regex} per-field parser in the style of jetson_stats for contrast, all in the same run.
 *
 * <p>The log is the corpus AGX Orin R36 log (4,111 lines, 2,122,990 bytes) repeated 25 times into a temporary file:
 * 102,775 lines, 53,074,750 bytes. Run from the repository root (the default {@code corpus} parameter is relative to
 * it):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TegrastatsParse -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TegrastatsParseBenchmark {

    /** The corpus log to repeat, relative to the working directory. */
    @Param({"metrics-tegrastats/src/test/resources/corpus/abdel-e-agx-orin-64gb-r36-long.log"})
    String corpus = "";

    /** How many copies of the corpus log make the benchmark file. */
    @Param({"25"})
    int copies;

    private Path file = Path.of("");
    private List<String> lines = List.of();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path source = Path.of(corpus);
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("corpus log not found: " + source.toAbsolutePath()
                    + " (run from the repository root, or pass -p corpus=/path/to/log)");
        }
        byte[] one = Files.readAllBytes(source);
        file = Files.createTempFile("tegrastats-bench", ".log");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < copies; i++) {
                out.write(one);
            }
        }
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 100_000) {
            throw new IllegalStateException("benchmark log has only " + lines.size() + " lines");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The baseline: split the file into lines and count them. */
    @Benchmark
    public long linesCount() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().count();
        }
    }

    /**
     * The streaming reader over the file (a {@link java.nio.file.Path}, as {@link #linesCount()} reads it): every line
     * classified and parsed into a sample, ASCII lines read as bytes where they lie in the read buffer, and each line
     * that repeats the previous line's shape replayed from its template (see {@code docs/PERFORMANCE.md}).
     */
    @Benchmark
    public long parser(Blackhole bh) throws IOException {
        long n = 0;
        try (TegrastatsReader r = TegrastatsReader.open(file)) {
            while (r.hasNext()) {
                TegrastatsSample s = r.next();
                bh.consume(s);
                n++;
            }
        }
        return n;
    }

    /**
     * The whole file into a {@link TegrastatsLog} (the columnar view the analyses use): the reader above plus the
     * columns.
     */
    @Benchmark
    public long logRead(Blackhole bh) throws IOException {
        TegrastatsLog log = TegrastatsLog.read(file);
        bh.consume(log);
        return log.report().samples();
    }

    /** The parser alone on lines already in memory: no I/O, no decoding. */
    @Benchmark
    public long parserInMemory(Blackhole bh) {
        TegrastatsParser p = TegrastatsParser.create();
        long n = 0;
        for (String line : lines) {
            bh.consume(p.parse(line));
            n++;
        }
        return n;
    }

    /**
     * For contrast, not a parser: read the lines as {@link #linesCount()} does and add up every run of digits, one
     * character at a time (about 80 numbers, 170 digits in a 512-character AGX Orin line). The reader, which scans
     * bytes where they lie and replays each line's template eight bytes at a time, is faster than this loop.
     */
    @Benchmark
    public long sumEveryNumber() throws IOException {
        long acc = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                long v = 0;
                for (int i = 0, n = line.length(); i < n; i++) {
                    int d = line.charAt(i) - '0';
                    if (d >= 0 && d <= 9) {
                        v = v * 10 + d;
                    } else {
                        acc += v;
                        v = 0;
                    }
                }
                acc += v;
            }
        }
        return acc;
    }

    /** For contrast: BufferedReader lines and one java.util.regex per field, as jetson_stats does it. */
    @Benchmark
    public long regexPerField(Blackhole bh) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                bh.consume(RegexParser.parse(line));
                n++;
            }
        }
        return n;
    }

    /** A regex-per-field parser extracting the same values (in the spirit of jetson_stats' tegra_parse.py). */
    static final class RegexParser {
        private static final Pattern DATE = Pattern.compile("^(\\d+)-(\\d+)-(\\d+) (\\d+):(\\d+):(\\d+) ");
        private static final Pattern RAM =
                Pattern.compile("RAM (\\d+)/(\\d+)([kMG]?)B ?\\(lfb (\\d+)x(\\d+)([kMG]?)B\\)");
        private static final Pattern SWAP =
                Pattern.compile("SWAP (\\d+)/(\\d+)([kMG]?)B ?\\(cached (\\d+)([kMG]?)B\\)");
        private static final Pattern CPU = Pattern.compile("CPU \\[(.*?)\\]");
        private static final Pattern CORE = Pattern.compile("(\\d+)%@(\\d+)");
        private static final Pattern ARRAY = Pattern.compile("\\b([A-Z0-9_]+) (?:(\\d+)%)?@\\[([0-9,]+)\\]");
        private static final Pattern PLAIN = Pattern.compile("\\b([A-Z0-9_]+) ([0-9%@]+)(?!%?@\\[)(?=[^/])\\b");
        private static final Pattern TEMP = Pattern.compile("\\b(\\w+)@(-?[0-9.]+)C\\b");
        private static final Pattern WATT = Pattern.compile("\\b(\\w+) ([0-9.]+)(\\w?)W?/([0-9.]+)(\\w?)W?\\b");

        static long parse(String line) {
            long acc = 0;
            Matcher m = DATE.matcher(line);
            if (m.find()) {
                acc += Integer.parseInt(m.group(6));
            }
            m = RAM.matcher(line);
            if (m.find()) {
                acc += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(4));
            }
            m = SWAP.matcher(line);
            if (m.find()) {
                acc += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(4));
            }
            m = CPU.matcher(line);
            if (m.find()) {
                for (String item : m.group(1).split(",", -1)) {
                    Matcher c = CORE.matcher(item);
                    if (c.matches()) {
                        acc += Integer.parseInt(c.group(1)) + Integer.parseInt(c.group(2));
                    }
                }
            }
            m = ARRAY.matcher(line);
            while (m.find()) {
                for (String f : m.group(3).split(",", -1)) {
                    acc += Integer.parseInt(f);
                }
            }
            m = PLAIN.matcher(line);
            List<String> plain = new ArrayList<>();
            while (m.find()) {
                plain.add(m.group(1));
            }
            acc += plain.size();
            m = TEMP.matcher(line);
            while (m.find()) {
                acc += (long) Double.parseDouble(m.group(2));
            }
            m = WATT.matcher(line);
            while (m.find()) {
                if (!m.group(1).equals("RAM") && !m.group(1).equals("SWAP")) {
                    acc += (long) (Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(4)));
                }
            }
            return acc;
        }
    }
}
