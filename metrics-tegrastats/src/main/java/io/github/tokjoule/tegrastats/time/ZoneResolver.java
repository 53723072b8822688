package io.github.tokjoule.tegrastats.time;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns naive local stamps (seconds since 1970-01-01T00:00 local time) into epoch seconds with a caller's zone.
 *
 * <p>Daylight-saving transitions: in an overlap (clocks set back) a local time exists twice; the earlier instant is
 * taken unless it would put the sample before the previous stamped sample, in which case the later one is (so a log
 * that runs through the overlap stays in order). In a gap (clocks set forward) a local time does not exist; a device
 * in that zone cannot print it, so it suggests the wrong zone: the instant is computed with the offset before the
 * transition (as {@link java.time.ZonedDateTime#ofLocal} does) and counted.
 */
final class ZoneResolver {

    long ambiguous;
    long nonexistent;

    long[] resolve(long[] localSeconds, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        long[] out = new long[localSeconds.length];
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < localSeconds.length; i++) {
            long local = localSeconds[i];
            if (local == SampleTimes.NO_STAMP) {
                out[i] = SampleTimes.NO_STAMP;
                continue;
            }
            long epoch;
            if (rules.isFixedOffset()) {
                epoch = local - rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
            } else {
                LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
                List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
                if (offsets.size() == 1) {
                    epoch = local - offsets.get(0).getTotalSeconds();
                } else if (offsets.size() == 2) {
                    ambiguous++;
                    long a = local - offsets.get(0).getTotalSeconds();
                    long b = local - offsets.get(1).getTotalSeconds();
                    long early = Math.min(a, b);
                    epoch = previous == Long.MIN_VALUE || early >= previous ? early : Math.max(a, b);
                } else {
                    nonexistent++;
                    ZoneOffsetTransition t = rules.getTransition(ldt);
                    epoch = local - t.getOffsetBefore().getTotalSeconds();
                }
            }
            out[i] = epoch;
            previous = epoch;
        }
        return out;
    }
}
