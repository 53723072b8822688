package io.github.tokjoule.tegrastats;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;
import java.util.OptionalLong;

/**
 * A power trace built from rails, with an account of every sample left out.
 *
 * <p>A sample that lacks a selected rail is left out (never counted as 0 W) and reported in {@link #missingRails()}.
 * A sample whose reconstructed time is not after the previous kept sample's (a log restarted with earlier stamps) is
 * left out and counted in {@link #samplesOutOfOrder()}, since a {@link PowerTrace} is strictly time-ordered.
 *
 * @param trace the trace: current power of the selected rails (summed), in watts, at the sample times
 * @param selection the selection asked for
 * @param railNames the rail names summed (the selection resolved against the log)
 * @param samplesInLog the number of samples in the log
 * @param samplesMissingRails the number of samples left out because a selected rail is absent
 * @param missingRails per rail: how many samples lack it and the first line that does
 * @param samplesOutOfOrder the number of samples left out because their time is not after the previous one
 * @since 0.1.0
 */
public record RailTrace(
        PowerTrace trace,
        RailSelection selection,
        List<String> railNames,
        long samplesInLog,
        long samplesMissingRails,
        List<MissingRail> missingRails,
        long samplesOutOfOrder) {

    /** Copies the lists. */
    public RailTrace {
        railNames = List.copyOf(railNames);
        missingRails = List.copyOf(missingRails);
    }

    /** {@return {@code true} when every sample of the log is in the trace} */
    public boolean complete() {
        return trace.size() == samplesInLog;
    }

    /** {@return the first line number of a sample that lacks a selected rail, if any} */
    public OptionalLong firstMissingLine() {
        return missingRails.stream().mapToLong(MissingRail::firstLineNumber).min();
    }
}
