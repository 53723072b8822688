package io.github.tokjoule.aiperf;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * aiperf's {@code start_time}/{@code end_time}: {@code datetime.fromtimestamp(ns / 1e9).isoformat()}, a naive local
 * time of the benchmark host with microseconds ({@code 2026-07-03T04:19:39.807147}). DESIGN §4: a naive time is only
 * resolved with the caller's zone; an explicit offset in the text wins.
 */
final class Timestamps {

    private Timestamps() {}

    /** Resolves a timestamp text; problems go to the issues and give null. */
    static @Nullable Instant resolve(String text, @Nullable ZoneId zone, Issues issues, String path) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        LocalDateTime local = plainLocal(t);
        if (local == null) {
            try {
                return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException notOffset) {
                // no offset: a naive local time
            }
            try {
                local = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                issues.add(path, "\"" + JsonTree.abbreviate(text) + "\" is not an ISO-8601 date-time; left unresolved");
                return null;
            }
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

    /**
     * The common naive form {@code uuuu-MM-ddTHH:mm:ss[.f…]} (one to nine digits of fraction, nothing after) read by
     * hand, or null for anything else, a date or time out of range included: aiperf writes its summaries' times this
     * way, and the formatters' way to it (the offset parse failing with an exception first) was a few per cent of a
     * cold report. For every string it accepts, {@code ISO_LOCAL_DATE_TIME} gives the same value and
     * {@code ISO_OFFSET_DATE_TIME} fails (no offset), so the result is the formatters' (TimestampsPropertyTest).
     */
    static @Nullable LocalDateTime plainLocal(String t) {
        int n = t.length();
        if (n < 19
                || n == 20
                || n > 29
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || (n > 19 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int fraction = n > 19 ? digits(t, 20, n) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        for (int i = n; i < 29; i++) {
            fraction *= 10;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, fraction);
        } catch (DateTimeException outOfRange) {
            return null; // the formatters say what is wrong
        }
    }

    /** The decimal value of {@code t[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
