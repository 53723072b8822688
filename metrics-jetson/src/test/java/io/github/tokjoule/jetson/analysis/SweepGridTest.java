package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.tokjoule.jetson.PowerMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private static final PowerMode W15 = PowerMode.of(0, "15W");
    private static final PowerMode W25 = PowerMode.of(1, "25W");

    @Test
    void listsTheCellsInRunOrderModeModelGenCtx() {
        SweepGrid g = SweepGrid.of(List.of("a", "b"), List.of(W25, W15), List.of(128, 512), List.of(64));
        assertThat(g.cellCount()).isEqualTo(8);
        // written out by hand: mode outermost (25W as listed, before 15W), then model, then gen, ctx innermost
        assertThat(g.cells())
                .containsExactly(
                        new SweepGrid.Cell("a", W25, 128, 64),
                        new SweepGrid.Cell("a", W25, 512, 64),
                        new SweepGrid.Cell("b", W25, 128, 64),
                        new SweepGrid.Cell("b", W25, 512, 64),
                        new SweepGrid.Cell("a", W15, 128, 64),
                        new SweepGrid.Cell("a", W15, 512, 64),
                        new SweepGrid.Cell("b", W15, 128, 64),
                        new SweepGrid.Cell("b", W15, 512, 64));
        SweepGrid twoGens = SweepGrid.of(List.of("a"), List.of(W15), List.of(128, 512), List.of(64, 256));
        assertThat(twoGens.cells())
                .extracting(c -> "gen" + c.genTokens() + "/ctx" + c.promptTokens())
                .containsExactly("gen64/ctx128", "gen64/ctx512", "gen256/ctx128", "gen256/ctx512");
    }

    @Test
    void aCellNamesItsDirectoryAndMode() {
        SweepGrid.Cell c = new SweepGrid.Cell("qwen3-0.6b", W25, 512, 64);
        assertThat(c.modeLabel()).isEqualTo("25W");
        assertThat(c.directory(Path.of("run"))).isEqualTo(Path.of("run/25W/qwen3-0.6b/gen64/ctx512"));
    }

    @Test
    void equalGridsAreEqualAndPrintTheirAxes() {
        SweepGrid a = SweepGrid.of(List.of("a"), List.of(W15), List.of(128), List.of(64));
        assertThat(a)
                .isEqualTo(SweepGrid.of(List.of("a"), List.of(W15), List.of(128), List.of(64)))
                .hasSameHashCodeAs(SweepGrid.of(List.of("a"), List.of(W15), List.of(128), List.of(64)))
                .isNotEqualTo(SweepGrid.of(List.of("a"), List.of(W15), List.of(128), List.of(65)))
                .isNotEqualTo(SweepGrid.of(List.of("b"), List.of(W15), List.of(128), List.of(64)))
                .isNotEqualTo(SweepGrid.of(List.of("a"), List.of(W25), List.of(128), List.of(64)))
                .isNotEqualTo(SweepGrid.of(List.of("a"), List.of(W15), List.of(256), List.of(64)))
                .isNotEqualTo("a");
        assertThat(a.toString()).contains("models=[a]", "15W", "ctx=[128]", "gen=[64]");
    }

    @Test
    void copiesItsAxes() {
        List<String> models = new ArrayList<>(List.of("a"));
        SweepGrid g = SweepGrid.of(models, List.of(W15), List.of(128), List.of(64));
        models.add("b");
        assertThat(g.models()).containsExactly("a");
        assertThatThrownBy(() -> g.models().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void degenerateAxesAreErrorsNamingTheAxis() {
        List<String> m = List.of("a");
        List<PowerMode> p = List.of(W15);
        List<Integer> l = List.of(64);
        assertThatThrownBy(() -> SweepGrid.of(List.of(), p, l, l))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sweep grid axis models is empty: a sweep needs at least one");
        assertThatThrownBy(() -> SweepGrid.of(m, List.of(), l, l)).hasMessageContaining("axis modes is empty");
        assertThatThrownBy(() -> SweepGrid.of(m, p, List.of(), l)).hasMessageContaining("axis promptLengths is empty");
        assertThatThrownBy(() -> SweepGrid.of(m, p, l, List.of())).hasMessageContaining("axis genLengths is empty");
        assertThatThrownBy(() -> SweepGrid.of(List.of("a", " "), p, l, l))
                .hasMessageContaining("axis models: blank model name");
        assertThatThrownBy(() -> SweepGrid.of(List.of("Qwen", "b", "qwen"), p, l, l))
                .hasMessage("sweep grid axis models: qwen at index 2 duplicates Qwen at index 0 ([Qwen, b, qwen])");
        assertThatThrownBy(() -> SweepGrid.of(m, List.of(W15, PowerMode.of(4, "15w")), l, l))
                .hasMessageContaining("axis modes: PowerMode[id=4, label=15w] at index 1 duplicates");
        assertThatThrownBy(() -> SweepGrid.of(m, List.of(W15, PowerMode.of(0, "other")), l, l))
                .hasMessageContaining("axis modes: PowerMode[id=0, label=other] at index 1 duplicates");
        assertThatThrownBy(() -> SweepGrid.of(m, p, List.of(128, 512, 128), l))
                .hasMessage(
                        "sweep grid axis promptLengths: 128 at index 2 duplicates 128 at index 0 ([128, 512, 128])");
        assertThatThrownBy(() -> SweepGrid.of(m, p, l, List.of(0)))
                .hasMessage("sweep grid axis genLengths: lengths are tokens, at least 1: 0 in [0]");
    }

    /** The cells are the Cartesian product, each once, in lexicographic (mode, model, gen, ctx) index order. */
    @Test
    void cellsAreTheProductInRunOrder() {
        qt().forAll(
                        integers().between(1, 4),
                        integers().between(1, 4),
                        integers().between(1, 4),
                        integers().between(1, 4))
                .checkAssert((nModels, nModes, nPrompts, nGens) -> {
                    List<String> models =
                            IntStream.range(0, nModels).mapToObj(i -> "m" + i).toList();
                    List<PowerMode> modes = IntStream.range(0, nModes)
                            .mapToObj(i -> PowerMode.of(i, (10 + i) + "W"))
                            .toList();
                    // descending lengths: the order is the axis' own, not numeric
                    List<Integer> prompts =
                            IntStream.range(0, nPrompts).mapToObj(i -> 4096 - i).toList();
                    List<Integer> gens =
                            IntStream.range(0, nGens).mapToObj(i -> 512 - i).toList();
                    SweepGrid g = SweepGrid.of(models, modes, prompts, gens);
                    List<SweepGrid.Cell> cells = g.cells();
                    assertThat(cells).hasSize(nModels * nModes * nPrompts * nGens);
                    assertThat(g.cellCount()).isEqualTo(cells.size());
                    assertThat(new HashSet<>(cells)).hasSize(cells.size());
                    long previous = -1;
                    for (SweepGrid.Cell c : cells) {
                        long rank = ((modes.indexOf(c.mode()) * 4L + models.indexOf(c.model())) * 4L
                                                + gens.indexOf(c.genTokens()))
                                        * 4L
                                + prompts.indexOf(c.promptTokens());
                        assertThat(rank).isGreaterThan(previous);
                        previous = rank;
                    }
                });
    }
}
