package io.github.tokjoule.aiperf;

/**
 * Options of the JSON Lines readers.
 *
 * @param allPhases {@code false} (the default): return only profiling records and records without a phase, as aiperf's
 *     summary does; {@code true}: return every record (warm-up included)
 * @param strict {@code false} (the default): a malformed line or a value of the wrong type is skipped and reported;
 *     {@code true}: it raises {@link AiperfFormatException}. Either way a cut-short last line (a run killed mid-write)
 *     is reported, never thrown.
 * @since 0.1.0
 */
public record RecordOptions(boolean allPhases, boolean strict) {

    /** {@return profiling records only, lenient} */
    public static RecordOptions defaults() {
        return new RecordOptions(false, false);
    }

    /**
     * {@return these options with the phase filter set}
     *
     * @param all whether to return every phase
     */
    public RecordOptions withAllPhases(boolean all) {
        return new RecordOptions(all, strict);
    }

    /**
     * {@return these options with strictness set}
     *
     * @param isStrict whether bad lines raise {@link AiperfFormatException}
     */
    public RecordOptions withStrict(boolean isStrict) {
        return new RecordOptions(allPhases, isStrict);
    }
}
