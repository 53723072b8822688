package io.github.tokjoule.aiperf;

/**
 * Options of the JSON Lines readers.
 *
 * @param allPhases {@code false} (the default): return only profiling records and records without a phase, as aiperf's
 *     summary does; {@code true}: return every record (warm-up included)
 * @param strict {@code false} (the default): a malformed line or a value of the wrong type is skipped and reported;
 *     {@code true}: it raises {@link AiperfFormatException}. Either way a cut-short last line (a run killed mid-write)
 *     is reported, never thrown.
 * @param skipListMetrics {@code false} (the default): list-valued metrics ({@code inter_chunk_latency}) are read and
 *     converted; {@code true}: they are stepped over without converting their numbers (their elements are not
 *     validated either) and left out of the records ({@link RequestRecord#metric(String)} is empty for them), each one
 *     counted in {@link JsonLinesReport#skippedListMetrics()} with its name in
 *     {@link JsonLinesReport#skippedListMetricNames()}. For readers that need only the scalar metrics: on aiperf's
 *     records, whose 255-value latency lists are most of the bytes, it saves most of the number conversion.
 * @since 0.1.0
 */
public record RecordOptions(boolean allPhases, boolean strict, boolean skipListMetrics) {

    /**
     * Options that read list metrics.
     *
     * @param allPhases whether to return every phase
     * @param strict whether bad lines raise {@link AiperfFormatException}
     */
    public RecordOptions(boolean allPhases, boolean strict) {
        this(allPhases, strict, false);
    }

    /** {@return profiling records only, lenient, list metrics read} */
    public static RecordOptions defaults() {
        return new RecordOptions(false, false, false);
    }

    /**
     * {@return these options with the phase filter set}
     *
     * @param all whether to return every phase
     */
    public RecordOptions withAllPhases(boolean all) {
        return new RecordOptions(all, strict, skipListMetrics);
    }

    /**
     * {@return these options with strictness set}
     *
     * @param isStrict whether bad lines raise {@link AiperfFormatException}
     */
    public RecordOptions withStrict(boolean isStrict) {
        return new RecordOptions(allPhases, isStrict, skipListMetrics);
    }

    /**
     * {@return these options with list metrics skipped or read}
     *
     * @param skip whether list-valued metrics are stepped over (see {@link #skipListMetrics()})
     * @since 0.1.0
     */
    public RecordOptions withSkipListMetrics(boolean skip) {
        return new RecordOptions(allPhases, strict, skip);
    }
}
