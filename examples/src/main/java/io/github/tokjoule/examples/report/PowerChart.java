package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monitor log's power over time, one wide panel per rail ({@code tokjoule report LOG}), drawn by {@link
 * SvgPlot#timeSeries}. A log holds far more samples than a page has pixels (an hour at 100 Hz is 360,000), so where
 * a rail has more samples than the panel has pixel columns each column shows the lowest and the highest reading
 * stamped within it (min/max decimation: every spike stays visible, none is averaged away), and the caption says so;
 * otherwise every sample is drawn. The line breaks at a gap (two samples further apart than twice the nominal interval
 * when every sample is drawn; a column without a sample when decimated). With aiperf's records the attributed
 * requests' windows {@code [start, end]} are shaded behind the power.
 */
final class PowerChart {

    /** The panel's width in viewBox units; its plot has {@code WIDTH − 60} pixel columns. */
    static final int WIDTH = 720;

    /** The plot's pixel columns (the panel less its axis margins). */
    static final int COLUMNS = WIDTH - 60;

    private static final String COLOUR = "#1f77b4";

    private PowerChart() {}

    /**
     * The chart of one rail.
     *
     * @param rail the rail's key, {@code source/rail}
     * @param trace its samples (power, or an energy counter's mean power per interval)
     * @param requests the requests to shade (attributed ones), empty for none
     * @return the chart
     */
    static Chart of(String rail, PowerTrace trace, List<RequestTimeline> requests) {
        long t0 = trace.epochNanosAt(0);
        double span = (trace.epochNanosAt(trace.size() - 1) - t0) / 1e9;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < trace.size(); k++) {
            min = Math.min(min, trace.wattsAt(k));
            max = Math.max(max, trace.wattsAt(k));
        }
        SvgPlot.Scale x = SvgPlot.scale(0, span);
        SvgPlot.Scale y = SvgPlot.scale(min, max);
        boolean decimated = trace.size() > COLUMNS;
        List<double[][]> runs = decimated ? columns(trace, t0, x) : samples(trace, t0);
        List<double[]> spans = new ArrayList<>();
        for (RequestTimeline r : requests) {
            spans.add(new double[] {(r.startEpochNanos() - t0) / 1e9, (r.endEpochNanos() - t0) / 1e9});
        }
        String panel =
                SvgPlot.timeSeries(rail, WIDTH, x, "seconds from the log's first sample", y, "W", COLOUR, runs, spans);
        String drawn = decimated
                ? String.format(
                        Locale.ROOT,
                        "%d samples drawn by min/max decimation: each of the %d pixel columns (%s s each) shows the"
                                + " lowest and the highest reading within it, so no spike is averaged away; a"
                                + " column without a sample breaks the line.",
                        trace.size(),
                        COLUMNS,
                        Sig.of((x.hi() - x.lo()) / COLUMNS))
                : trace.size() + " samples, every one drawn; the line breaks where two samples lie more than twice the"
                        + " nominal interval apart (a gap).";
        String shaded = requests.isEmpty()
                ? ""
                : " Shaded: the " + requests.size() + " attributed requests, each from its start to its end.";
        String id = "power_" + rail.replaceAll("[^A-Za-z0-9]+", "_");
        return new Chart(
                id,
                "Power over time: " + rail,
                rail + " from " + Sig.of(min) + " to " + Sig.of(max) + " W over " + Sig.of(span) + " s. " + drawn
                        + shaded,
                List.of(panel),
                "",
                "",
                true);
    }

    /** Every sample, in runs broken at gaps longer than twice the nominal interval. */
    private static List<double[][]> samples(PowerTrace trace, long t0) {
        List<double[][]> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (int k = 0; k < trace.size(); k++) {
            if (k > 0 && trace.epochNanosAt(k) - trace.epochNanosAt(k - 1) > 2 * trace.nominalIntervalNanos()) {
                runs.add(run.toArray(new double[0][]));
                run.clear();
            }
            double w = trace.wattsAt(k);
            run.add(new double[] {(trace.epochNanosAt(k) - t0) / 1e9, w, w});
        }
        runs.add(run.toArray(new double[0][]));
        return runs;
    }

    /** Each pixel column's lowest and highest reading, at the column's middle, in runs broken at empty columns. */
    static List<double[][]> columns(PowerTrace trace, long t0, SvgPlot.Scale x) {
        double width = (x.hi() - x.lo()) / COLUMNS;
        double[] low = new double[COLUMNS];
        double[] high = new double[COLUMNS];
        java.util.Arrays.fill(low, Double.NaN);
        java.util.Arrays.fill(high, Double.NaN);
        for (int k = 0; k < trace.size(); k++) {
            double seconds = (trace.epochNanosAt(k) - t0) / 1e9;
            int c = Math.min(COLUMNS - 1, (int) Math.floor((seconds - x.lo()) / width));
            double w = trace.wattsAt(k);
            low[c] = Double.isNaN(low[c]) ? w : Math.min(low[c], w);
            high[c] = Double.isNaN(high[c]) ? w : Math.max(high[c], w);
        }
        List<double[][]> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            if (Double.isNaN(low[c])) {
                if (!run.isEmpty()) {
                    runs.add(run.toArray(new double[0][]));
                    run.clear();
                }
                continue;
            }
            run.add(new double[] {x.lo() + (c + 0.5) * width, low[c], high[c]});
        }
        if (!run.isEmpty()) {
            runs.add(run.toArray(new double[0][]));
        }
        return runs;
    }
}
