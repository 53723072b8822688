package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headline's mode pair and the use-case table come from the data, for any mode names. */
class ModeRolesTest {

    // SampleData at the canonical cell, output tok/J = tok/s / W (its decode energy is P x gen / tok/s):
    //   smollm2-135m 53.9/1.99 = 27.09, 114.5/4.27 = 26.81, 165.1/5.74 = 28.76, 159.4/6.51 = 24.49 -> 25W
    //   smollm2-360m 34.8/2.27 = 15.33, 70.6/4.98 = 14.18, 101.8/6.76 = 15.06, 89.4/7.42 = 12.05  -> 7W
    //   qwen2.5-0.5b 27.4/2.22 = 12.34, 68.3/5.34 = 12.79, 92.6/7.05 = 13.13, 100.5/8.73 = 11.51  -> 25W
    //   llama3.2-1b  12.1/2.26 = 5.354, 32.3/6.04 = 5.348, 47.0/8.56 = 5.491, 51.9/10.54 = 4.924 -> 25W
    // Mean power over models (0.98 x the table): 7W 2.141, 15W 5.026, 25W 6.982, MAXN 8.134 W.

    @Test
    void theSeedsModesGiveTheSeedsPairs() {
        ModeRoles r = ModeRoles.of(SampleData.create());
        assertThat(r.byPower()).containsExactly("7W", "15W", "25W", "MAXN_SUPER");
        assertThat(r.best()).contains("25W");
        assertThat(r.baseline()).contains("15W");
        assertThat(r.highest()).contains("MAXN_SUPER");
        assertThat(r.mid()).contains("25W");
    }

    @Test
    void renamedModesGiveTheSamePairsByPowerNotByName() {
        // The same sweep with the modes renamed and listed in another order: nothing may depend on "25W".
        Map<String, String> names = Map.of("7W", "eco", "15W", "mid", "25W", "fast", "MAXN_SUPER", "turbo");
        ReportData d = rename(SampleData.create(), names, List.of("turbo", "eco", "fast", "mid"));
        ModeRoles r = ModeRoles.of(d);
        assertThat(r.byPower()).containsExactly("eco", "mid", "fast", "turbo");
        assertThat(r.best()).contains("fast");
        assertThat(r.baseline()).contains("mid");
        assertThat(r.highest()).contains("turbo");
        assertThat(r.mid()).contains("fast");
        Headline h = Headline.of(d);
        assertThat(h.pair()).contains(new Headline.ModePairLabel("fast", "mid"));
        // 25W / 15W tok/s at the canonical cell: 165.1/114.5 = 1.442 ... 47.0/32.3 = 1.455; min 92.6/68.3 = 1.356
        assertThat(h.findings().get(1)).startsWith("fast vs mid (ctx 2048 / gen 256): output tok/s +36 % to +46 %");
    }

    @Test
    void whenTheCheapestModeIsBestThePairIsTheNextModeOverIt() {
        // Only 7W and 15W: 7W wins for smollm2-135m (27.09 > 26.81), smollm2-360m and llama3.2-1b (5.354 > 5.348),
        // 15W for qwen2.5-0.5b: 7W is best and cheapest, so the headline shows 15W over 7W.
        ReportData d = rename(SampleData.create(), Map.of(), List.of("7W", "15W"));
        ModeRoles r = ModeRoles.of(d);
        assertThat(r.best()).contains("7W");
        assertThat(r.baseline()).contains("15W");
        assertThat(Headline.of(d).pair()).contains(new Headline.ModePairLabel("15W", "7W"));
        // The highest is 15W; the best mode is not it, so it is compared with the best, 7W.
        assertThat(r.highest()).contains("15W");
        assertThat(r.mid()).contains("7W");
    }

    @Test
    void oneModeHasNoPairs() {
        ReportData d = rename(SampleData.create(), Map.of(), List.of("25W"));
        ModeRoles r = ModeRoles.of(d);
        assertThat(r.best()).contains("25W");
        assertThat(r.baseline()).isEmpty();
        assertThat(r.highest()).isEmpty();
        assertThat(UseCases.highestVersusMid(d)).isEmpty();
    }

    @Test
    void useCasesNameTheModeThatWinsForTheMostModelsWithItsNumbers() {
        Table t = UseCases.table(SampleData.create());
        assertThat(t.rows()).hasSize(4);
        assertThat(text(t, 0, 1)).isEqualTo("25W");
        assertThat(text(t, 0, 2)).startsWith("Output tok/J highest for 3 of 4 models");
        // tok/s: 25W wins smollm2-135m and -360m, MAXN qwen and llama: a 2-2 tie goes to the cheaper 25W.
        assertThat(text(t, 1, 1)).isEqualTo("25W");
        assertThat(text(t, 1, 2)).startsWith("Output tok/s highest for 2 of 4 models");
        // TTFT = ctx / (8 tok/s): the fastest mode has the lowest, the same tie.
        assertThat(text(t, 2, 1)).isEqualTo("25W");
        // Power: 7W, mean 2.141 W against MAXN 8.134 W: 2.141 / 8.134 - 1 = -74 %; tok/s geometric mean of
        // 53.9/159.4, 34.8/89.4, 27.4/100.5, 12.1/51.9 = (0.3381 x 0.3893 x 0.2726 x 0.2331)^(1/4) = 0.3004 -> -70 %
        assertThat(text(t, 3, 1)).isEqualTo("7W");
        assertThat(text(t, 3, 2))
                .isEqualTo("mean power 2.14 W against 8.13 W at MAXN_SUPER (-74 %); output tok/s -70 %"
                        + " vs MAXN_SUPER (geometric mean over models)");
    }

    @Test
    void theHighestModeAgainstTheMidModeHasTheRatios() {
        Table t = UseCases.highestVersusMid(SampleData.create()).orElseThrow();
        assertThat(t.columns()).contains("MAXN_SUPER tok/J", "25W tok/J", "MAXN_SUPER/25W");
        // smollm2-135m tok/J ratio 24.49 / 28.76 = 0.851
        Table.Num ratio = (Table.Num) t.rows().get(0).get(6);
        assertThat(ratio.value()).isCloseTo((159.4 / 6.51) / (165.1 / 5.74), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ratio.display()).isEqualTo("0.851");
    }

    private static String text(Table t, int row, int col) {
        return ((Table.Text) t.rows().get(row).get(col)).text();
    }

    /** The data with modes renamed (absent names stay) and only the listed modes kept, in that order. */
    static ReportData rename(ReportData d, Map<String, String> names, List<String> modes) {
        List<CellRow> cells = new ArrayList<>();
        for (CellRow c : d.cells()) {
            String m = names.getOrDefault(c.mode(), c.mode());
            if (modes.contains(m)) {
                cells.add(c.withMode(m));
            }
        }
        List<ModelModeRow> mm = new ArrayList<>();
        for (ModelModeRow r : d.modelModes()) {
            String m = names.getOrDefault(r.mode(), r.mode());
            if (modes.contains(m)) {
                mm.add(new ModelModeRow(
                        r.model(),
                        m,
                        r.powerWatts(),
                        r.cpuCelsius(),
                        r.gpuCelsius(),
                        r.peakJunctionCelsius(),
                        r.throttled()));
            }
        }
        return SampleData.with(d, modes, cells, mm);
    }
}
