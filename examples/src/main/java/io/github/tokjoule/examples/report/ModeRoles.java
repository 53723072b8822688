package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which power modes the headline compares, chosen from the data for any set of mode names (nothing is keyed on
 * {@code 25W} or {@code 15W}):
 *
 * <ol>
 *   <li><b>Power order</b>: modes sorted by their mean power over the models (the per-model, per-mode average power of
 *       the thermal table); modes without a power value keep their sweep order after the others.
 *   <li><b>Best</b>: the mode that has the highest output tok/J at the canonical cell for the most models; a tie goes
 *       to the mode that comes first in power order (the cheaper one).
 *   <li><b>Baseline</b>: the best mode's neighbour below it in power order (the next cheaper mode); if the best mode is
 *       the cheapest, its neighbour above. The headline shows the dearer of the two over the cheaper one: the seed's
 *       "25W vs 15W" when the data make 25W best, and whatever the data say otherwise.
 *   <li><b>Highest</b> and <b>mid</b>: the mode of highest mean power, compared against the best mode when that is a
 *       different mode, else against the highest mode's neighbour below it (the seed's "MAXN vs 25W").
 * </ol>
 *
 * @param byPower the modes in power order
 * @param best the best mode by output tok/J, empty if no cell has one
 * @param baseline the best mode's neighbour in power order, empty if the sweep has one mode
 * @param highest the mode of highest mean power, empty if the sweep has one mode
 * @param mid the mode the highest is compared with, empty if the sweep has one mode
 */
public record ModeRoles(
        List<String> byPower,
        Optional<String> best,
        Optional<String> baseline,
        Optional<String> highest,
        Optional<String> mid) {

    /** Copies the list. */
    public ModeRoles {
        byPower = List.copyOf(byPower);
    }

    /**
     * Chooses the roles.
     *
     * @param data the report's data
     * @return the roles
     */
    public static ModeRoles of(ReportData data) {
        List<String> order = byPower(data);
        Map<String, Integer> wins = new LinkedHashMap<>();
        for (String m : order) {
            wins.put(m, 0);
        }
        for (String model : data.models()) {
            ReportTables.peakMode(data, model).ifPresent(m -> wins.merge(m, 1, Integer::sum));
        }
        Optional<String> best = Optional.empty();
        int most = 0;
        for (String m : order) {
            int w = wins.getOrDefault(m, 0);
            if (w > most) {
                most = w;
                best = Optional.of(m);
            }
        }
        if (order.size() < 2) {
            return new ModeRoles(order, best, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> baseline = best.map(b -> neighbourBelow(order, b));
        String highest = order.get(order.size() - 1);
        String mid = best.filter(b -> !b.equals(highest)).orElse(order.get(order.size() - 2));
        return new ModeRoles(order, best, baseline, Optional.of(highest), Optional.of(mid));
    }

    private static String neighbourBelow(List<String> order, String mode) {
        int i = order.indexOf(mode);
        return i > 0 ? order.get(i - 1) : order.get(1);
    }

    /**
     * The modes sorted by mean power over the models; modes without power after the others, in sweep order.
     *
     * @param data the report's data
     * @return the modes
     */
    static List<String> byPower(ReportData data) {
        Map<String, Double> mean = meanPower(data);
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String m : data.modes()) {
            (Double.isFinite(mean.getOrDefault(m, Double.NaN)) ? with : without).add(m);
        }
        with.sort(Comparator.comparingDouble(m -> mean.getOrDefault(m, Double.NaN)));
        with.addAll(without);
        return with;
    }

    /**
     * The mean over models of each mode's average power.
     *
     * @param data the report's data
     * @return per mode, the mean power in watts, NaN if no model has one
     */
    static Map<String, Double> meanPower(ReportData data) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String mode : data.modes()) {
            double sum = 0;
            int n = 0;
            for (String model : data.models()) {
                double w = data.modelMode(model, mode)
                        .map(ModelModeRow::powerWatts)
                        .orElse(Double.NaN);
                if (Double.isFinite(w)) {
                    sum += w;
                    n++;
                }
            }
            out.put(mode, n == 0 ? Double.NaN : sum / n);
        }
        return out;
    }
}
