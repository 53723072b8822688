package io.github.tokjoule.core.join;

import java.util.List;

/**
 * What an {@link EnergyEstimator} made of one cell: each attributed request, each excluded one with its reason, and
 * the cell's sums. Every request given to the estimator is in exactly one of the two lists.
 *
 * @param estimator the estimator's {@link EnergyEstimator#name() name}
 * @param requests the attributed requests, in the order given
 * @param excluded the requests left out, in the order given
 * @param cell the sums over {@code requests}
 * @param placement where the readings were placed in time, and why ({@link ReadingPlacement}: nominal, measured
 *     from the requests' edges, or the declared range's fallback with its reason)
 * @since 0.2.0
 */
public record CellAttribution(
        String estimator,
        List<AttributedRequest> requests,
        List<Exclusion> excluded,
        CellEnergy cell,
        ReadingPlacement placement) {

    /**
     * An attribution whose readings were placed at their stamps ({@link ReadingPlacement#nominal(long)
     * nominal(0)}).
     *
     * @param estimator the estimator's name
     * @param requests the attributed requests
     * @param excluded the requests left out
     * @param cell the sums over {@code requests}
     */
    public CellAttribution(
            String estimator, List<AttributedRequest> requests, List<Exclusion> excluded, CellEnergy cell) {
        this(estimator, requests, excluded, cell, ReadingPlacement.nominal(0));
    }

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if the cell's request count differs from the attributed requests
     */
    public CellAttribution {
        requests = List.copyOf(requests);
        excluded = List.copyOf(excluded);
        if (cell.requests() != requests.size()) {
            throw new IllegalArgumentException(
                    "cell sums " + cell.requests() + " requests but " + requests.size() + " are attributed");
        }
    }

    /** {@return the number of requests given to the estimator: attributed plus excluded} */
    public int requestCount() {
        return requests.size() + excluded.size();
    }

    /**
     * Counts the requests excluded for a reason.
     *
     * @param reason the reason
     * @return how many requests were left out for it
     */
    public int excludedCount(ExclusionReason reason) {
        int n = 0;
        for (Exclusion e : excluded) {
            if (e.reason() == reason) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the fewest samples any attributed request holds inside a phase's window.
     *
     * @param phase the phase
     * @return the minimum of {@code samplesInside} over the attributed requests; 0 without requests
     */
    public int minSamplesInside(Phase phase) {
        int min = requests.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (AttributedRequest r : requests) {
            min = Math.min(min, r.phase(phase).coverage().samplesInside());
        }
        return min;
    }
}
