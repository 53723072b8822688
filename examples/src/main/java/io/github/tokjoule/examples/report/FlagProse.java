package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-words explanations of the accuracy flags a report's cells carry: what happened, which values it marks, and
 * what to do about it. Only flags that occur in the data are explained.
 */
final class FlagProse {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry(
                    "PREFILL_UNDERSAMPLED",
                    "Too few power samples fall inside the prefill phases (from sending the prompt to the first"
                            + " token) for prefill energy to be known within ±10 %: its 95 % interval reaches beyond, or"
                            + " there is none (the seed's method uses its rule, TTFT p50 below 500 ms, instead)."
                            + " Prefill energy, prefill tok/J and the prefill share are approximate; decode, total"
                            + " and output tok/J are not affected."
                            + " To measure prefill energy properly, sample faster (tegrastats --interval 100) or use"
                            + " longer prompts."),
            Map.entry(
                    "WINDOW_UNDERSAMPLED",
                    "The power samples do not observe enough of the requests for their energy to be known within"
                            + " ±4 %: the total or decode energy's 95 % interval reaches beyond (the seed's method counts"
                            + " fewer than 2 samples in a window instead). Short requests at tegrastats' ~0.5 s"
                            + " sampling, or a request period close to a whole number of sampling periods, leave"
                            + " part of every request unobserved. Every energy-derived value of the cell is marked."
                            + " Sample faster (tegrastats --interval 100, or the INA3221's hwmon files), send more"
                            + " requests per cell, or vary the pause between requests."),
            Map.entry(
                    "SAMPLE_GAP",
                    "The power log has a gap longer than three sampling intervals inside the cell (tegrastats"
                            + " stalled or was restarted). Energy across the gap is interpolated, so the cell's"
                            + " energy values are marked. Re-run the cell if the gap is long."),
            Map.entry(
                    "WINDOW_OUTSIDE_TRACE",
                    "The cell's requests happened (partly) outside the time span of its power log. This is almost"
                            + " always a time-zone mistake: tegrastats and aiperf print naive local time, so give the"
                            + " Jetson's zone with --zone. Energy values of the cell are marked."),
            Map.entry(
                    "OUTPUT_LENGTH_MISMATCH",
                    "The model produced more than 10 % fewer (or more) output tokens than asked for: an early end of"
                            + " sequence or an ignored max_tokens. Per-token values (tok/J, mJ per token) are right"
                            + " for the tokens produced but not comparable with other cells at the same target;"
                            + " values that depend on the output length are marked."),
            Map.entry(
                    "INPUT_LENGTH_MISMATCH",
                    "The prompt the model saw was more than 10 % longer or shorter than the target (tokenizer"
                            + " differences). Values that depend on the input length (TTFT, prefill, total tok/J)"
                            + " are marked."),
            Map.entry(
                    "REQUEST_ERRORS",
                    "Some requests of the cell failed. The statistics cover the successful ones and are correct for"
                            + " them, so no value is marked; the count is in the cell table."),
            Map.entry(
                    "THERMAL_THROTTLE",
                    "The junction temperature reached the throttle threshold, so clocks may have been lowered"
                            + " during the cell: its speed and energy are not those of the mode at nominal clocks."),
            Map.entry(
                    "RAIL_MISSING",
                    "The chosen power rail is missing from (part of) the log: energy values are marked. Pick a rail"
                            + " the log has with --rail."),
            Map.entry(
                    "TIMESTAMPS_RECONSTRUCTED",
                    "tegrastats stamps whole seconds; sample times below one second were reconstructed from the"
                            + " sampling interval. Information only: no value is marked."),
            Map.entry(
                    "RUN_WINDOW_ESTIMATE",
                    "The cell has aiperf's summary but not its per-request records (profile_export.jsonl), so its"
                            + " energy comes from the whole run: the power log's energy over aiperf's start..end"
                            + " window, less the idle time between requests, shared by the requests and split into"
                            + " prefill and decode by the mean TTFT and latency. Total energy and output tok/J are"
                            + " close (a median 0.6 % off on synthetic truth); prefill energy is not measured, only"
                            + " bounded, and its interval is wide. Every energy value is marked. Re-run with aiperf's"
                            + " records export for per-request figures."),
            Map.entry(
                    "ZONE_MISMATCH",
                    "The zone given to the analysis differs from the one the sweep recorded, so request windows"
                            + " and power samples may not line up. Energy values are marked; check --zone."));

    private FlagProse() {}

    /**
     * Returns one paragraph per flag the data's cells carry, in the order of first appearance.
     *
     * @param data the report's data
     * @return the paragraphs, each starting with the flag's name and code
     */
    static List<String> paragraphs(ReportData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CellRow c : data.cells()) {
            for (FlagMark f : c.flags()) {
                counts.merge(f.name(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.add(e.getKey() + " (" + FlagMark.code(e.getKey()) + ", " + e.getValue() + " of "
                    + data.cells().size() + " cells): "
                    + TEXT.getOrDefault(
                            e.getKey(), "A flag this report has no explanation for; see the example in the table."));
        }
        return out;
    }
}
