package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.ArrayList;
import java.util.List;

/** {@link EnergyEstimators#perRequest()}: each request integrated over its own windows, in one pass over the trace. */
final class PerRequestEstimator implements EnergyEstimator {

    static final PerRequestEstimator INSTANCE = new PerRequestEstimator();

    private PerRequestEstimator() {}

    @Override
    public String name() {
        return "PER_REQUEST";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        Partition partition = Partition.of(trace, requests);
        int[] included = partition.included();
        List<TimeWindow> windows = new ArrayList<>(3 * included.length);
        for (int i : included) {
            RequestTimeline r = requests.get(i);
            windows.add(r.window(Phase.PREFILL));
            windows.add(r.window(Phase.DECODE));
            windows.add(r.window(Phase.TOTAL));
        }
        List<WindowEnergy> energies = trace.energies(windows);
        List<AttributedRequest> attributed = new ArrayList<>(included.length);
        double prefill = 0;
        double decode = 0;
        double total = 0;
        for (int k = 0; k < included.length; k++) {
            WindowEnergy p = energies.get(3 * k);
            WindowEnergy d = energies.get(3 * k + 1);
            WindowEnergy t = energies.get(3 * k + 2);
            prefill += p.joules();
            decode += d.joules();
            total += t.joules();
            attributed.add(new AttributedRequest(included[k], requests.get(included[k]), phase(p), phase(d), phase(t)));
        }
        CellEnergy cell = CellEnergy.of(
                attributed,
                EnergyEstimate.withoutInterval(included.length == 0 ? Double.NaN : prefill),
                EnergyEstimate.withoutInterval(included.length == 0 ? Double.NaN : decode),
                EnergyEstimate.withoutInterval(included.length == 0 ? Double.NaN : total));
        return new CellAttribution(name(), attributed, partition.excluded(), cell);
    }

    private static PhaseEnergy phase(WindowEnergy e) {
        return new PhaseEnergy(EnergyEstimate.withoutInterval(e.joules()), e.coverage());
    }
}
