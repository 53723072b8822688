package io.github.tokjoule.aiperf;

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
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException notOffset) {
            // no offset: a naive local time
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
