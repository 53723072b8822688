package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Replaying the previous line's template ({@link LineTemplate}) gives exactly what a full scan gives: the same kind,
 * the same sample field by field, the same reason for a malformed line, for every line of every corpus file and for
 * sequences of lines whose numbers, separators and shapes are mutated after a template was recorded. The replay must
 * also really happen: on the long corpus logs nearly every line is replayed, or the comparison would prove nothing.
 */
class LineTemplateEquivalenceTest {

    private static final List<String> LINES = corpusLines();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Two scanners fed the same lines in the same order: one replays templates, the other never does. */
    static final class Twins {
        final LineScanner replaying = new LineScanner(true);
        final LineScanner full = new LineScanner(false);
        private final LineSource.Encoded encoded = new LineSource.Encoded();
        private long lines;

        /** Scans {@code line} (with spare bytes after it, as in a read buffer) with both and compares. */
        void check(String line) {
            int n = line.length();
            encoded.room(n + 8, Integer.MAX_VALUE - 8);
            line.getChars(0, n, encoded.chars, 0);
            encoded.encode(n);
            check(encoded.bytes, 0, n, encoded.text, line);
        }

        /** Scans {@code bytes[from, to)} with both and compares. */
        void check(byte[] bytes, int from, int to, char[] text, String shown) {
            lines++;
            LineKind expected = full.scan(bytes, from, to, text);
            LineKind actual = replaying.scan(bytes, from, to, text);
            assertThat(actual).as("kind of line %d: %s", lines, shown).isEqualTo(expected);
            if (expected == LineKind.SAMPLE) {
                assertThat(new TegrastatsSample(replaying, lines, lines))
                        .as("sample of line %d: %s", lines, shown)
                        .isEqualTo(new TegrastatsSample(full, lines, lines));
            }
            if (expected == LineKind.MALFORMED) {
                assertThat(replaying.problem)
                        .as("reason for line %d: %s", lines, shown)
                        .isEqualTo(full.problem);
            }
        }

        long replayed() {
            return replaying.replayed();
        }
    }

    @Test
    void everyCorpusLineGivesTheFullScansResult() {
        for (Path file : Corpus.logs()) {
            Twins twins = new Twins();
            List<String> lines = Corpus.lines(file.getFileName().toString());
            lines.forEach(twins::check);
            String name = file.getFileName().toString();
            if (name.equals(Corpus.AGX_ORIN_LONG) || name.equals(Corpus.TX2_LONG)) {
                // every line but the first (and any line whose shape changed) is replayed
                assertThat(twins.replayed()).as(name).isGreaterThan(lines.size() * 95L / 100);
            }
        }
    }

    @Test
    void aWrappersOwnTimestampsAreReadOnEveryLineAndTheFieldsReplayed() {
        // as `tegrastats | ts '%Y-%m-%d %H:%M:%.S'` or a logging wrapper would print them, before tegrastats' stamp
        Twins twins = new Twins();
        Random r = new Random(7);
        List<String> lines = Corpus.lines(Corpus.AGX_ORIN_LONG).subList(0, 400);
        for (int i = 0; i < lines.size(); i++) {
            String stamp = String.format("2025-10-26 05:%02d:%02d.%09d", i / 120, i / 2 % 60, r.nextInt(1_000_000_000));
            twins.check(stamp + " " + lines.get(i));
            twins.check("[" + (1000 + i) + "] " + lines.get(i));
        }
        assertThat(twins.replayed()).isGreaterThan(lines.size() * 2L - 10);
        TegrastatsSample last = new TegrastatsSample(twins.replaying, 0, 0);
        assertThat(last.prefix()).hasValue("[1399]");
        assertThat(last.printedTime()).isPresent();
    }

    @Test
    void aLineWithoutSpareBytesAfterItIsScannedInFullWithTheSameResult() {
        Twins twins = new Twins();
        String line = LINES.get(0);
        twins.check(line);
        byte[] exact = line.getBytes(StandardCharsets.US_ASCII);
        twins.check(exact, 0, exact.length, null, line);
        assertThat(twins.replayed()).isZero();
        twins.check(line);
        assertThat(twins.replayed()).isEqualTo(1);
    }

    @Test
    void numbersThatChangeShapeReplayWithTheirOwnValues() {
        Twins twins = new Twins();
        String[] lines = {
            "RAM 100/200MB (lfb 1x4MB) CPU [5%@729,off] GR3D_FREQ 0%@[305,305] cpu@47C gpu@-256C"
                    + " VDD_IN 5000mW/5000mW VDD_SOC 5.1W/5.0W/6W",
            "RAM 1000/200MB (lfb 12x4MB) CPU [19%@1190,off] GR3D_FREQ 99%@[1300,305] cpu@47.5C gpu@41.25C"
                    + " VDD_IN 12345mW/5000mW VDD_SOC 5.25W/5.0W/6.125W",
            "RAM 7/200MB (lfb 0x4MB) CPU [0%@72,off] GR3D_FREQ 0%@[3,3] cpu@-1C gpu@-256.5C"
                    + " VDD_IN 0mW/0mW VDD_SOC 0W/0W/0W",
            "RAM 1234567/200MB (lfb 1x4MB) CPU [5%@729,off] GR3D_FREQ 0%@[305,305] cpu@47.000001C gpu@1C"
                    + " VDD_IN 5000mW/5000mW VDD_SOC 5.1W/5.0W/6W",
        };
        for (String line : lines) {
            twins.check(line);
        }
        assertThat(twins.replayed()).isEqualTo(3);
        TegrastatsSample last = new TegrastatsSample(twins.replaying, 0, 0);
        assertThat(last.railMilliwatts(1)).isEqualTo(5100.0);
        assertThat(last.temperaturePrintedCelsius(0)).isEqualTo(47.000001);
        assertThat(last.ram().orElseThrow().used()).isEqualTo(1_234_567L);
    }

    @Test
    void everyNumberShapeAroundTheEightByteWordGivesTheFullScansResult() {
        String base = "RAM 100/200MB CPU [5%@729] cpu@47.5C gpu@-2C VDD_IN 5000mW/5000mW";
        String[] shapes = {
            ".2",
            "5.",
            "-.5",
            "--5",
            "5..5",
            "-",
            "1.2.3",
            "1234567",
            "12345678",
            "123456.5",
            "1234567.5",
            "123456.",
            "-123456",
            "-1234567",
            "-12345.6",
            "1.234567",
            "0.0000001",
            "-0",
            "007",
            "9999999999"
        };
        Twins twins = new Twins();
        for (String shape : shapes) {
            for (String target : new String[] {"47.5", "-2", "5%", "5000mW/"}) {
                twins.check(base);
                String unit = target.endsWith("%") ? "%" : target.endsWith("/") ? "mW/" : "";
                twins.check(base.replace(target, shape + unit));
            }
        }
        // each variant met the base line's template (a malformed one makes the next base line a full scan)
        assertThat(twins.replayed()).isGreaterThan(shapes.length * 2L);
    }

    @Test
    void numbersBeyondTheScannersLimitsMakeTheSameMalformedLine() {
        String base = "04-26-2025 05:10:54 RAM 100/200MB CPU [5%@729] EMC_FREQ 0%@2133 VDD_IN 5000mW/5000mW";
        String[] variants = {
            base.replace("5%@729", "1234567890%@729"), // a load of ten digits
            base.replace("100/200MB", "1234567890123456789/200MB"), // RAM beyond 18 digits
            base.replace("5000mW/5000mW", "5000.12345678901234567mW/5000mW"), // a decimal beyond 18 digits
            base.replace("05:10:54", "25:10:54"), // no such hour
            base.replace("04-26-2025", "02-30-2025"), // no such day
            base.replace("0%@2133", "0%@"), // a number lost
            base.replace("[5%@729]", "[5%@729,off]"), // another shape: scanned in full, replayed after
            base,
        };
        Twins twins = new Twins();
        for (String v : variants) {
            // each variant meets the template of the base line: the replay must refuse it where the scanner would
            twins.check(base);
            assertThat(twins.replaying.templateReady()).isTrue();
            twins.check(v);
        }
        // only the last variant, the base line itself, is replayed; the others were refused and scanned in full
        assertThat(twins.replayed()).isEqualTo(1);
    }

    @Test
    void aLineWithMoreNumbersThanATemplateHoldsIsAlwaysScannedInFull() {
        // each core is two numbers: 500 cores fit in a template (1,000 numbers), 520 do not (1,040)
        for (int cores : new int[] {500, 520}) {
            String line = "RAM 100/200MB CPU [" + String.join(",", Collections.nCopies(cores, "5%@729"))
                    + "] VDD_IN 5000mW/5000mW";
            Twins twins = new Twins();
            twins.check(line);
            twins.check(line.replace("5000mW/", "4999mW/"));
            twins.check(line);
            assertThat(twins.replayed()).as("%d cores", cores).isEqualTo(cores <= 500 ? 2 : 0);
            assertThat(LineTemplate.MAX_NUMBERS).isBetween(2 * 500 + 4, 2 * 520 + 3);
        }
    }

    @Test
    void aLineThatIsNotASampleEndsTheTemplate() {
        Twins twins = new Twins();
        twins.check(LINES.get(0));
        twins.check("");
        twins.check(LINES.get(0));
        twins.check("$ sudo tegrastats");
        twins.check(LINES.get(0));
        twins.check(LINES.get(0));
        assertThat(twins.replayed()).isEqualTo(1);
    }

    /** A corpus line and a seed: the lines that follow it are the line with some numbers or bytes changed. */
    record Sequence(int line, long seed) {
        List<String> lines() {
            Random r = new Random(seed);
            String template = LINES.get(line);
            List<String> out = new ArrayList<>();
            for (int i = 0, n = 3 + r.nextInt(6); i < n; i++) {
                String next = i == 0 || r.nextInt(4) == 0 ? template : mutate(template, r);
                // a wrapper's stamp on some lines only: the fields replay whatever comes before them
                out.add(r.nextInt(3) == 0 ? wrapperStamp(r) + next : next);
            }
            return out;
        }
    }

    static Gen<Sequence> sequences() {
        return Generate.range(0, LINES.size() - 1).zip(Generate.longRange(0, Long.MAX_VALUE), Sequence::new);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedLinesAfterATemplateGiveTheFullScansResult() {
        qt().withExamples(10000).forAll(sequences()).checkAssert(s -> {
            Twins twins = new Twins();
            s.lines().forEach(twins::check);
        });
    }

    /** Changes one to four numbers of the line (most often keeping the line's shape), or one byte, or its end. */
    static String mutate(String line, Random r) {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        StringBuilder b = new StringBuilder(line);
        int kind = r.nextInt(10);
        if (kind == 0 || numbers.isEmpty()) {
            int at = r.nextInt(b.length());
            b.setCharAt(at, "0123456789.-/@%CWmx ,[]".charAt(r.nextInt(23)));
            return b.toString();
        }
        if (kind == 1) {
            return b.substring(0, r.nextInt(b.length() + 1));
        }
        // replace numbers right to left, so that earlier positions stay valid
        List<int[]> chosen = new ArrayList<>();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            chosen.add(numbers.get(r.nextInt(numbers.size())));
        }
        chosen.sort((x, y) -> Integer.compare(y[0], x[0]));
        int lastStart = Integer.MAX_VALUE;
        for (int[] n : chosen) {
            if (n[1] > lastStart) {
                continue;
            }
            b.replace(n[0], n[1], number(r));
            lastStart = n[0];
        }
        return b.toString();
    }

    /** A wrapper's own timestamp, of one of two shapes, with its trailing space. */
    static String wrapperStamp(Random r) {
        return r.nextBoolean()
                ? String.format(
                        "2025-%02d-%02dT%02d:%02d:%02d.%03dZ ",
                        1 + r.nextInt(12),
                        1 + r.nextInt(28),
                        r.nextInt(24),
                        r.nextInt(60),
                        r.nextInt(60),
                        r.nextInt(1000))
                : "[" + r.nextInt(100_000) + "] ";
    }

    /** A number in one of the shapes tegrastats prints, or one a corrupted line might hold. */
    static String number(Random r) {
        int digits =
                switch (r.nextInt(8)) {
                    case 0 -> 7 + r.nextInt(4); // at the edge of the predicted shapes and of the int limit
                    case 1 -> 17 + r.nextInt(14); // at the long and decimal limits, and beyond
                    default -> 1 + r.nextInt(4);
                };
        StringBuilder b = new StringBuilder();
        if (r.nextInt(8) == 0) {
            b.append('-');
        }
        for (int i = 0; i < digits; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        switch (r.nextInt(6)) {
            case 0 -> b.append('.').append(r.nextInt(1000));
            case 1 -> b.insert(r.nextInt(b.length() + 1), '.');
            case 2 -> b.setLength(r.nextInt(b.length() + 1)); // possibly no number at all
            default -> {
                // digits only
            }
        }
        return b.toString();
    }

    private static List<String> corpusLines() {
        List<String> lines = new ArrayList<>();
        for (Path file : Corpus.logs()) {
            List<String> all = Corpus.lines(file.getFileName().toString());
            // the long logs contribute a sample of their lines, so that every board weighs in
            int step = Math.max(1, all.size() / 50);
            for (int i = 0; i < all.size(); i += step) {
                lines.add(all.get(i));
            }
        }
        return lines;
    }
}
