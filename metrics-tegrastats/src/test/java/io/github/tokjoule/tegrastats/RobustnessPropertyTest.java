package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Lines mutated from the corpus never make the lenient parser or reader throw, never hang (every test has a
 * timeout), and cost time linear in the line length (1 MB lines parse within a bound a quadratic scanner would miss
 * by orders of magnitude); the strict reader throws only {@link TegrastatsFormatException}, at the first line the
 * lenient parser calls malformed.
 */
class RobustnessPropertyTest {

    /** Every line of the 14 short corpus files (every board and release) and the first 20 of each long log. */
    private static final List<String> LINES = lines();

    private static List<String> lines() {
        List<String> all = new ArrayList<>();
        for (java.nio.file.Path p : Corpus.logs()) {
            String name = p.getFileName().toString();
            List<String> file = Corpus.lines(name);
            boolean isLong = name.equals(Corpus.AGX_ORIN_LONG) || name.equals(Corpus.TX2_LONG);
            all.addAll(isLong ? file.subList(0, 20) : file);
        }
        return all;
    }

    enum Mutation {
        TRUNCATE,
        FLIP_CHARS,
        SHUFFLE_TOKENS,
        REPEAT_TOKENS,
        DELETE_CHARS,
        LONG_NUMBERS,
        INSERT_PUNCTUATION
    }

    /** A corpus line, a mutation and a seed for the mutation's choices. */
    record Case(int line, Mutation mutation, long seed) {
        String text() {
            return mutate(LINES.get(line), mutation, new Random(seed));
        }
    }

    static Gen<Case> cases() {
        return Generate.range(0, LINES.size() - 1)
                .zip(Generate.enumValues(Mutation.class), Generate.longRange(0, Long.MAX_VALUE), Case::new);
    }

    static String mutate(String line, Mutation m, Random r) {
        switch (m) {
            case TRUNCATE:
                return line.substring(0, r.nextInt(line.length() + 1));
            case FLIP_CHARS: {
                char[] c = line.toCharArray();
                for (int k = 1 + r.nextInt(5); k > 0; k--) {
                    c[r.nextInt(c.length)] = (char) r.nextInt(256);
                }
                return new String(c);
            }
            case SHUFFLE_TOKENS: {
                List<String> t = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
                Collections.shuffle(t, r);
                return String.join(" ", t);
            }
            case REPEAT_TOKENS: {
                List<String> t = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    int i = r.nextInt(t.size());
                    t.add(r.nextInt(t.size() + 1), t.get(i));
                }
                return String.join(" ", t);
            }
            case DELETE_CHARS: {
                StringBuilder b = new StringBuilder(line);
                for (int k = 1 + r.nextInt(5); k > 0 && b.length() > 0; k--) {
                    b.deleteCharAt(r.nextInt(b.length()));
                }
                return b.toString();
            }
            case LONG_NUMBERS:
                return line.replaceAll("\\d+", r.nextBoolean() ? "123456789012345678901234567890" : "$0");
            default: {
                StringBuilder b = new StringBuilder(line);
                String punct = "@%/[](),.:-x#$";
                for (int k = 1 + r.nextInt(5); k > 0; k--) {
                    b.insert(r.nextInt(b.length() + 1), punct.charAt(r.nextInt(punct.length())));
                }
                return b.toString();
            }
        }
    }

    /** Calls every accessor, so a sample that parsed but holds inconsistent arrays would fail here. */
    private static void touch(TegrastatsSample s) {
        assertThat(s.toString()).isNotEmpty();
        s.ram();
        s.ramLargestFreeBlock();
        s.swap();
        s.swapCached();
        s.iram();
        s.iramLargestFreeBlock();
        s.printedTime();
        s.prefix();
        assertThat(s.cpuCores()).hasSize(s.cpuCoreCount());
        assertThat(s.engines()).hasSize(s.engineCount());
        assertThat(s.temperatures()).hasSize(s.temperatureCount());
        assertThat(s.rails()).hasSize(s.railCount());
        assertThat(s.unknownTokens()).hasSize(s.unknownTokenCount());
        s.emc();
        s.gpu();
        s.mtsForegroundPercent();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedLinesNeverMakeTheLenientParserThrow() {
        TegrastatsParser parser = TegrastatsParser.create();
        qt().withExamples(5000).forAll(cases()).checkAssert(c -> {
            ParsedLine p = parser.parse(c.text());
            assertThat(p.kind()).isNotNull();
            assertThat(p.sample().isPresent()).isEqualTo(p.kind() == LineKind.SAMPLE);
            assertThat(p.problem().isPresent()).isEqualTo(p.kind() == LineKind.MALFORMED);
            p.sample().ifPresent(RobustnessPropertyTest::touch);
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theLenientReaderCountsEveryLineAndTheStrictReaderThrowsOnlyItsException() {
        qt().withExamples(300).forAll(cases(), cases(), cases()).checkAssert((a, b, c) -> {
            String text = String.join("\n", LINES.get(0), a.text(), b.text(), LINES.get(1), c.text()) + "\n";
            // the expected kinds, line by line, as the single-line parser sees them
            List<LineKind> kinds = new ArrayList<>();
            TegrastatsParser parser = TegrastatsParser.create();
            for (String line : text.split("\r\n|\r|\n", -1)) {
                kinds.add(parser.parse(line).kind());
            }
            kinds.remove(kinds.size() - 1); // after the final newline
            try (TegrastatsReader lenient =
                    TegrastatsReader.of(new StringReader(text), "mutated", ReaderOptions.lenient())) {
                long samples =
                        lenient.stream().peek(RobustnessPropertyTest::touch).count();
                ParseReport report = lenient.report();
                assertThat(report.linesRead()).isEqualTo(kinds.size());
                assertThat(samples)
                        .isEqualTo(
                                kinds.stream().filter(k -> k == LineKind.SAMPLE).count());
                long sum = 0;
                for (LineKind k : LineKind.values()) {
                    sum += report.count(k);
                }
                assertThat(sum).isEqualTo(report.linesRead());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TegrastatsReader strict =
                    TegrastatsReader.of(new StringReader(text), "mutated", ReaderOptions.strictMode());
            Throwable t = catchThrowable(() -> strict.stream().count());
            int firstMalformed = kinds.indexOf(LineKind.MALFORMED);
            if (firstMalformed < 0) {
                assertThat(t).isNull();
            } else {
                assertThat(t).isInstanceOf(TegrastatsFormatException.class);
                assertThat(((TegrastatsFormatException) t).lineNumber()).isEqualTo(firstMalformed + 1L);
            }
        });
    }

    /**
     * Lines of about 1 MB, from every mutation of a whole corpus line repeated. A linear scanner takes milliseconds;
     * a quadratic one would take minutes on 10^6 characters. The bound (5 s per line) leaves a margin of more than a
     * hundred on a loaded 2-core machine, so it does not flake, and still fails for anything super-linear.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void megabyteLinesCostLinearTime() {
        TegrastatsParser parser = TegrastatsParser.create();
        qt().withExamples(14).forAll(cases()).checkAssert(c -> {
            String unit = c.text();
            StringBuilder b = new StringBuilder(1 << 20);
            while (b.length() < (1 << 20)) {
                b.append(unit).append(' ');
            }
            String line = b.toString();
            long start = System.nanoTime();
            assertThatCode(() -> parser.parse(line)).doesNotThrowAnyException();
            assertThat(System.nanoTime() - start)
                    .as("ns to parse %d chars", line.length())
                    .isLessThan(5_000_000_000L);
        });
        // the pathological shapes: one huge token, one huge list, only spaces, only digits
        for (String line : List.of(
                "RAM 1/2MB " + "x".repeat(1 << 20),
                "RAM 1/2MB CPU [" + "1%@2,".repeat(200_000),
                "RAM 1/2MB GR3D_FREQ @[" + "1,".repeat(500_000),
                " ".repeat(1 << 20) + "RAM 1/2MB",
                "RAM 1/2MB " + "9".repeat(1 << 20),
                "RAM 1/2MB a@" + "1".repeat(1 << 20) + "C",
                "10-26-2025 05:10:54 ".repeat(50_000))) {
            long start = System.nanoTime();
            ParsedLine p = parser.parse(line);
            assertThat(p.kind()).isIn(LineKind.SAMPLE, LineKind.MALFORMED);
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
    }
}
