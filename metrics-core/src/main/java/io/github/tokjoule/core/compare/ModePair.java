package io.github.tokjoule.core.compare;

import java.util.List;

/**
 * A comparison of one power mode against a baseline mode, by their labels: {@code mode / baseline}, a column of the
 * seed's speedup Tables 9–12.
 *
 * @param mode the label of the mode compared, e.g. {@code "25W"}
 * @param baseline the label of the baseline, e.g. {@code "15W"}
 * @since 0.1.0
 */
public record ModePair(String mode, String baseline) {

    /**
     * Validates the labels.
     *
     * @throws IllegalArgumentException if a label is blank
     */
    public ModePair {
        if (mode.isBlank() || baseline.isBlank()) {
            throw new IllegalArgumentException(
                    "mode and baseline labels must not be blank: '" + mode + "', '" + baseline + "'");
        }
    }

    /**
     * Returns the pair {@code mode / baseline}.
     *
     * @param mode the label of the mode compared
     * @param baseline the label of the baseline
     * @return the pair
     * @throws IllegalArgumentException if a label is blank
     */
    public static ModePair of(String mode, String baseline) {
        return new ModePair(mode, baseline);
    }

    /**
     * Returns the seed's six pairs in its column order, with its labels: 25W/15W, MAXN/15W, 15W/7W, 25W/7W, MAXN/7W,
     * MAXN/25W.
     *
     * @return the six pairs
     */
    public static List<ModePair> seedPairs() {
        return seedPairs("7W", "15W", "25W", "MAXN");
    }

    /**
     * Returns the seed's six pairs in its column order for modes labelled differently (e.g. {@code "MAXN_SUPER"}).
     *
     * @param sevenWatt the label of the 7 W mode
     * @param fifteenWatt the label of the 15 W mode
     * @param twentyFiveWatt the label of the 25 W mode
     * @param maxN the label of the MAXN mode
     * @return the six pairs: 25W/15W, MAXN/15W, 15W/7W, 25W/7W, MAXN/7W, MAXN/25W
     */
    public static List<ModePair> seedPairs(String sevenWatt, String fifteenWatt, String twentyFiveWatt, String maxN) {
        return List.of(
                of(twentyFiveWatt, fifteenWatt),
                of(maxN, fifteenWatt),
                of(fifteenWatt, sevenWatt),
                of(twentyFiveWatt, sevenWatt),
                of(maxN, sevenWatt),
                of(maxN, twentyFiveWatt));
    }

    @Override
    public String toString() {
        return mode + "/" + baseline;
    }
}
