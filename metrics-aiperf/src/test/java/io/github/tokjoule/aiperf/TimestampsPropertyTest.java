package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * {@link Timestamps#resolve}, whose common naive form is read by hand, against the formatter-only implementation it
 * had before (kept below as the reference): the same instant or null, and the same issues, on texts built near that
 * form — valid and impossible dates and times, 0–10 fraction digits, offsets, spaces, lower case, stray characters —
 * in zones with and without daylight saving and with no zone.
 */
class TimestampsPropertyTest {

    private static final @Nullable ZoneId[] ZONES = {
        null, ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin")
    };

    @Test
    void agreesWithTheFormatters() {
        qt().withExamples(20_000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            String text = text(rnd);
            ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
            Issues fast = new Issues("f", false, 10);
            Issues slow = new Issues("f", false, 10);
            Instant a = Timestamps.resolve(text, zone, fast, "$.start_time");
            Instant b = reference(text, zone, slow, "$.start_time");
            assertThat(a).as(text).isEqualTo(b);
            assertThat(fast.kept()).as(text).isEqualTo(slow.kept());
            assertThat(fast.total()).isEqualTo(slow.total());
        });
    }

    @Test
    void readsTheCommonFormByHand() {
        // By hand: 2026-07-03T04:19:39.807147 in Asia/Kolkata (+05:30) is 22:49:39.807147 UTC the day before.
        Issues issues = new Issues("f", true, 10);
        assertThat(Timestamps.resolve("2026-07-03T04:19:39.807147", ZoneId.of("Asia/Kolkata"), issues, "$"))
                .isEqualTo(Instant.parse("2026-07-02T22:49:39.807147Z"));
        assertThat(Timestamps.plainLocal("2026-07-03T04:19:39.8"))
                .isEqualTo(LocalDateTime.of(2026, 7, 3, 4, 19, 39, 800_000_000));
        assertThat(Timestamps.plainLocal("2026-02-29T00:00:00")).isNull(); // not a leap year: the formatters say so
        assertThat(Timestamps.plainLocal("2026-07-03T04:19:39Z")).isNull(); // an offset: the formatters read it
    }

    /** A text near {@code uuuu-MM-ddTHH:mm:ss.f}: each part sometimes out of range, cut, doubled or replaced. */
    private static String text(SplittableRandom rnd) {
        StringBuilder s = new StringBuilder();
        s.append(pad(rnd.nextInt(10) == 0 ? rnd.nextInt(10_000) : 1990 + rnd.nextInt(50), 4));
        s.append('-').append(pad(rnd.nextInt(8) == 0 ? rnd.nextInt(100) : 1 + rnd.nextInt(12), 2));
        s.append('-').append(pad(rnd.nextInt(8) == 0 ? rnd.nextInt(100) : 1 + rnd.nextInt(31), 2));
        s.append(
                switch (rnd.nextInt(12)) {
                    case 0 -> ' ';
                    case 1 -> 't';
                    case 2 -> 'X';
                    default -> 'T';
                });
        s.append(pad(rnd.nextInt(8) == 0 ? rnd.nextInt(100) : rnd.nextInt(24), 2));
        s.append(':').append(pad(rnd.nextInt(8) == 0 ? rnd.nextInt(100) : rnd.nextInt(60), 2));
        if (rnd.nextInt(10) > 0) {
            s.append(':').append(pad(rnd.nextInt(8) == 0 ? rnd.nextInt(100) : rnd.nextInt(60), 2));
            int fraction = rnd.nextInt(12) - 1; // -1: no point; 0: a point alone; up to 10 digits
            if (fraction >= 0) {
                s.append('.');
                for (int i = 0; i < fraction; i++) {
                    s.append((char) ('0' + rnd.nextInt(10)));
                }
            }
        }
        switch (rnd.nextInt(10)) {
            case 0 -> s.append('Z');
            case 1 -> s.append(rnd.nextBoolean() ? "+05:30" : "-04:00");
            case 2 -> s.append(' ');
            case 3 -> s.insert(0, "  ");
            case 4 -> s.setCharAt(rnd.nextInt(s.length()), (char) ('/' + rnd.nextInt(12)));
            case 5 -> s.setLength(rnd.nextInt(s.length() + 1));
            default -> {}
        }
        return s.toString();
    }

    private static String pad(int v, int width) {
        String d = Integer.toString(v);
        return "0".repeat(Math.max(0, width - d.length())) + d;
    }

    /** The implementation before round 5: the formatters only. */
    private static @Nullable Instant reference(String text, @Nullable ZoneId zone, Issues issues, String path) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException notOffset) {
            // no offset
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            issues.add(path, "\"" + JsonTree.abbreviate(text) + "\" is not an ISO-8601 date-time; left unresolved");
            return null;
        }
        if (zone == null) {
            issues.note(path, "\"" + text + "\" is a naive local time and no zone was given; left unresolved");
            return null;
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            issues.note(
                    path,
                    "\"" + text + "\" does not exist in " + zone + " (daylight-saving gap); shifted forward"
                            + " by the length of the gap");
        } else {
            issues.note(
                    path,
                    "\"" + text + "\" is ambiguous in " + zone + " (daylight-saving overlap); the earlier" + " offset "
                            + offsets.get(0) + " was used");
        }
        return local.atZone(zone).toInstant();
    }
}
