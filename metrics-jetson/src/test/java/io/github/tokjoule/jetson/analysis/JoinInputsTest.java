package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SweepAnalysis#joinInputs} reads what {@link SweepAnalysis#analyze} reads, cell by cell. */
class JoinInputsTest {

    @TempDir
    static Path dir;

    static List<CellJoinInput> inputs = List.of();
    static SweepResult measured;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), dir);
        inputs = SweepAnalysis.joinInputs(dir, AnalysisOptions.defaults());
        measured = SweepAnalysis.analyze(dir);
    }

    @Test
    void everyCellOfTheAnalysisInTheSameOrder() {
        assertThat(inputs)
                .extracting(CellJoinInput::id)
                .containsExactlyElementsOf(
                        measured.cells().stream().map(c -> c.metrics().id()).toList());
    }

    @Test
    void requestsAndTraceAreThoseTheAnalysisIntegrated() {
        for (int i = 0; i < inputs.size(); i++) {
            CellJoinInput in = inputs.get(i);
            AnalyzedCell cell = measured.cells().get(i);
            if (!cell.metrics().isOk()) {
                assertThat(in.failure()).as("%s", in.id()).isPresent();
                assertThat(in.requests()).isEmpty();
                assertThat(in.failure().get())
                        .isEqualTo(cell.metrics().status().failureReason().orElseThrow());
                continue;
            }
            assertThat(in.failure()).isEmpty();
            assertThat(in.rail()).isEqualTo("VDD_CPU_GPU_CV");
            assertThat(in.trace()).isPresent();
            assertThat(in.powerProblem()).isEmpty();
            assertThat(in.requests()).hasSize(cell.metrics().requestCount());
            assertThat(in.requests().stream().filter(r -> !r.succeeded()).count())
                    .isEqualTo(cell.metrics().errorCount());
            List<RequestTimeline> ok =
                    in.requests().stream().filter(RequestTimeline::succeeded).toList();
            assertThat(ok).hasSameSizeAs(cell.requests());
            for (int k = 0; k < ok.size(); k++) {
                RequestTimeline r = cell.requests().get(k).timeline();
                assertThat(ok.get(k)).isEqualTo(r);
            }
        }
    }
}
