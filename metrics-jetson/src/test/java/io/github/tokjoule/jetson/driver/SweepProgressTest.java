package io.github.tokjoule.jetson.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepProgressTest {

    @Test
    void rendersAStatusLine() {
        SweepProgress cell = new SweepProgress(
                SweepProgress.Stage.CELL_STARTED,
                12,
                384,
                Optional.of("25W"),
                Optional.of("qwen3-0.6b"),
                Optional.of(new CellKey("qwen3-0.6b", "25W", 512, 64)),
                Duration.ofSeconds(3723), // 1 h 2 min 3 s
                Optional.of(Duration.ofSeconds(18600)), // 5 h 10 min
                "attempt 1");
        assertThat(cell.statusLine())
                .isEqualTo("12/384 cells | 25W qwen3-0.6b gen64/ctx512 | elapsed 1:02:03 | ETA 5:10:00 | attempt 1");
        SweepProgress model = new SweepProgress(
                SweepProgress.Stage.MODEL_FAILED,
                3,
                16,
                Optional.of("15W"),
                Optional.of("m"),
                Optional.empty(),
                Duration.ofMillis(61_500),
                Optional.empty(),
                "");
        assertThat(model.statusLine()).isEqualTo("3/16 cells | 15W m | elapsed 0:01:01");
        SweepProgress start = new SweepProgress(
                SweepProgress.Stage.RUN_STARTED,
                0,
                16,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(-1),
                Optional.empty(),
                "started");
        assertThat(start.statusLine()).isEqualTo("0/16 cells | elapsed 0:00:00 | started");
        SweepOutcome outcome =
                new SweepOutcome(SweepOutcome.Status.COMPLETED, Path.of("/r"), 16, 3, 12, 1, List.of(), List.of(), "");
        assertThat(outcome.cellsRemaining()).isEqualTo(1);
    }
}
