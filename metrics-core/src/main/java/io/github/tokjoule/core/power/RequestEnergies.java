package io.github.tokjoule.core.power;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-request energy by phase: the "measured" method of DESIGN §3.3, our default beyond the seed.
 *
 * <p>For each request, the power trace is integrated ({@link PowerTrace#energyJoules(TimeWindow)}) over its prefill
 * window {@code [start, firstToken]}, its decode window {@code [firstToken, end]} and its whole window
 * {@code [start, end]}. No window-average power is multiplied by a p50 latency. A cell's figures are then built from
 * these (mean energy per request; tok/J as a ratio of sums over successful requests) by the callers.
 *
 * <p>With tegrastats at 2 Hz, a request shorter than a few sampling intervals is covered by one or two samples
 * only: its energy is still the integral of the linearly interpolated trace (so sums over many requests stay
 * accurate), but the coverage shows how few samples support it and the flags say so.
 *
 * @since 0.1.0
 */
public final class RequestEnergies {

    private RequestEnergies() {}

    /**
     * Measures every request against one power trace, in one pass (see {@link PowerTrace#energies(List)}).
     *
     * @param trace the power trace, typically the board-total or compute rail over the whole cell
     * @param requests the requests, in any order
     * @return one {@link RequestEnergy} per request, in the order of {@code requests}; the result of each equals
     *     measuring that request alone
     */
    public static List<RequestEnergy> measure(PowerTrace trace, List<RequestTimes> requests) {
        List<TimeWindow> windows = new ArrayList<>(3 * requests.size());
        for (RequestTimes request : requests) {
            windows.add(request.prefillWindow());
            windows.add(request.decodeWindow());
            windows.add(request.totalWindow());
        }
        List<WindowEnergy> energies = trace.energies(windows);
        List<RequestEnergy> result = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            WindowEnergy prefill = energies.get(3 * i);
            WindowEnergy decode = energies.get(3 * i + 1);
            WindowEnergy total = energies.get(3 * i + 2);
            result.add(new RequestEnergy(
                    prefill.joules(),
                    decode.joules(),
                    total.joules(),
                    prefill.coverage(),
                    decode.coverage(),
                    total.coverage()));
        }
        return List.copyOf(result);
    }

    /**
     * Measures one request.
     *
     * @param trace the power trace
     * @param request the request
     * @return its energy by phase with coverages
     */
    public static RequestEnergy measure(PowerTrace trace, RequestTimes request) {
        return measure(trace, List.of(request)).get(0);
    }
}
