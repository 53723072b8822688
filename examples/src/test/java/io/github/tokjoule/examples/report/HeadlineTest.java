package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void bestModePerModelAndThe25Over15Ratios() {
        Headline h = Headline.of(SampleData.create());
        assertThat(h.pair()).contains(new Headline.ModePairLabel("25W", "15W"));
        // SampleData: output tok/J at the canonical cell = 256 / (P · 256 / tok_s) = tok_s / P, so the best mode is
        // the one with the highest tok_s / P: smollm2-135m 165.1/5.74 = 28.76 (25W) vs 53.9/1.99 = 27.09 (7W);
        // smollm2-360m 34.8/2.27 = 15.33 (7W) vs 101.8/6.76 = 15.06 (25W).
        assertThat(h.bestModes()).extracting(Headline.BestMode::mode).containsExactly("25W", "7W", "25W", "25W");
        Headline.BestMode first = h.bestModes().get(0);
        assertThat(first.tokensPerJoule()).isCloseTo(165.1 / 5.74, within(1e-9));
        // tok/s 25W/15W = 165.1/114.5; tok/J ratio = (165.1/5.74)/(114.5/4.27)
        assertThat(first.throughputRatio()).isCloseTo(165.1 / 114.5, within(1e-9));
        assertThat(first.efficiencyRatio()).isCloseTo((165.1 / 5.74) / (114.5 / 4.27), within(1e-9));
        assertThat(h.findings().get(0))
                .isEqualTo("Best mode by output tok/J (MEASURED, VDD_CPU_GPU_CV, ctx 2048 / gen 256): 25W for 3 of 4"
                        + " models (smollm2-135m, qwen2.5-0.5b, llama3.2-1b); 7W for 1 of 4 models (smollm2-360m).");
        // tok/s ratios: 1.442 (135m), 1.442 (360m: 101.8/70.6), 1.356 (qwen), 1.455 (llama) → +36 % to +46 %
        assertThat(h.findings().get(1)).startsWith("25W vs 15W (ctx 2048 / gen 256): output tok/s +36 % to +46 %");
        assertThat(h.findings()).anySatisfy(f -> assertThat(f).contains("1 of 192 cells failed"));
        assertThat(h.toLines("MEASURED").get(0)).contains("model", "best mode", "output tok/J", "25W/15W tok/s");
        assertThat(h.toLines("MEASURED").get(1)).startsWith("smollm2-135m").contains("25W", "28.8", "x1.44");
        // Three significant figures: 165.1 tok/s prints 165, 53.9 stays 53.9.
        assertThat(h.findings()).anySatisfy(f -> assertThat(f)
                .contains("7W smollm2-135m (53.9 tok/s)", "25W smollm2-135m (165 tok/s)"));
    }

    @Test
    void withoutThe25And15ModesThePairIsTheMostFrequentWinnerOverTheModeBeforeIt() {
        ReportData d = SampleData.create();
        ReportData renamed = SampleData.with(d, java.util.List.of("7W"), d.cells(), d.modelModes());
        Headline h = Headline.of(renamed);
        assertThat(h.pair()).isEmpty();
        assertThat(h.bestModes()).extracting(Headline.BestMode::mode).containsOnly("7W");
        assertThat(h.toLines("MEASURED").get(0)).doesNotContain("tok/s");
    }

    @Test
    void ratiosFromAFlaggedCellAreMarked() {
        ReportData d = SampleData.create();
        java.util.List<CellRow> cells = new java.util.ArrayList<>();
        for (CellRow c : d.cells()) {
            boolean target =
                    c.mode().equals("15W") && c.model().equals("llama3.2-1b") && c.ctx() == 2048 && c.gen() == 256;
            cells.add(
                    target
                            ? c.withFlags(java.util.List.of(
                                    new FlagMark("OUTPUT_LENGTH_MISMATCH", "WARNING", "mean OSL 150 vs target 256")))
                            : c);
        }
        ReportData flagged = SampleData.with(d, d.modes(), cells, d.modelModes());
        Headline h = Headline.of(flagged);
        assertThat(h.bestModes().get(3).ratioFlags()).containsExactly("OUTPUT_LENGTH_MISMATCH");
        assertThat(h.bestModes().get(0).ratioFlags()).isEmpty();
        assertThat(h.findings().get(1)).endsWith("; approximate for llama3.2-1b (OUTPUT_LENGTH_MISMATCH).");
        assertThat(h.toLines("MEASURED").get(4))
                .startsWith("llama3.2-1b")
                .endsWith("approximate: OUTPUT_LENGTH_MISMATCH");
    }

    @Test
    void windowUndersampledCellsAreCountedAndThePrefillLineNoLongerClearsTheTotal() {
        ReportData d = SampleData.create();
        long prefill = d.cells().stream()
                .filter(c -> c.flags().stream().anyMatch(f -> f.name().equals("PREFILL_UNDERSAMPLED")))
                .count();
        assertThat(prefill).isPositive();
        // without the window flag, the prefill line says the other figures are not approximate
        assertThat(Headline.of(d).findings())
                .anySatisfy(f -> assertThat(f).endsWith("PREFILL_UNDERSAMPLED); decode and total tok/J are not."))
                .noneSatisfy(f -> assertThat(f).contains("WINDOW_UNDERSAMPLED"));
        // flag the 7W cells that did not fail: then it says neither
        java.util.List<CellRow> cells = new java.util.ArrayList<>();
        for (CellRow c : d.cells()) {
            java.util.List<FlagMark> flags = new java.util.ArrayList<>(c.flags());
            if (c.ok() && c.mode().equals("7W")) {
                flags.add(new FlagMark("WINDOW_UNDERSAMPLED", "WARNING", "total energy's 95 % interval is ±6 %"));
            }
            cells.add(c.withFlags(flags));
        }
        ReportData flagged = SampleData.with(d, d.modes(), cells, d.modelModes());
        long window = flagged.cells().stream()
                .filter(c -> c.ok() && c.mode().equals("7W"))
                .count();
        long ok = flagged.cells().stream().filter(CellRow::ok).count();
        assertThat(Headline.of(flagged).findings())
                .anySatisfy(f -> assertThat(f).endsWith("PREFILL_UNDERSAMPLED)."))
                .contains("Total energy, output tok/J and decode tok/J are approximate for " + window + " of " + ok
                        + " cells (" + Math.round(100.0 * window / ok) + " %, WINDOW_UNDERSAMPLED: the power samples"
                        + " do not observe enough of their requests).");
    }

    @Test
    void aFlagOnEveryModelsRatiosIsSaidOnce() {
        ReportData d = SampleData.create();
        java.util.List<CellRow> cells = new java.util.ArrayList<>();
        for (CellRow c : d.cells()) {
            java.util.List<FlagMark> flags = new java.util.ArrayList<>(c.flags());
            flags.add(new FlagMark("RUN_WINDOW_ESTIMATE", "WARNING", "no per-request records"));
            if (c.mode().equals("15W") && c.model().equals("llama3.2-1b")) {
                flags.add(new FlagMark("OUTPUT_LENGTH_MISMATCH", "WARNING", "mean OSL 150 vs target 256"));
            }
            cells.add(c.withFlags(flags));
        }
        Headline h = Headline.of(SampleData.with(d, d.modes(), cells, d.modelModes()));
        assertThat(h.findings().get(1))
                .endsWith("; approximate for every model (RUN_WINDOW_ESTIMATE) and for llama3.2-1b"
                        + " (OUTPUT_LENGTH_MISMATCH).");
    }
}
