package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersBarCountsIdentityElapsedAndEta() {
        // 96 of 384 = a quarter of 24 characters = 6
        String line = ProgressBar.render(
                96,
                384,
                Optional.of("25W"),
                Optional.of("qwen3-0.6b"),
                Optional.of("gen256/ctx2048"),
                Duration.ofSeconds(3723),
                Optional.of(Duration.ofSeconds(11169)));
        assertThat(line)
                .isEqualTo("[######------------------] 96/384 cells  25W  qwen3-0.6b  gen256/ctx2048  elapsed 1:02:03"
                        + "  ETA 3:06:09");
    }

    @Test
    void unknownEtaAndEmptyPlan() {
        assertThat(ProgressBar.render(
                        0,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ofSeconds(5),
                        Optional.empty()))
                .isEqualTo("[------------------------] 0/0 cells  elapsed 0:05  ETA --:--");
        assertThat(ProgressBar.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
    }

    @Test
    void redrawsInPlaceOnATerminalAndPrintsLinesOtherwise() {
        StringWriter tty = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(tty), true);
        bar.update(1, 2, Optional.of("15W"), Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty());
        bar.update(2, 2, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty());
        bar.message("done");
        bar.finish();
        assertThat(tty.toString())
                .startsWith("\r[############------------] 1/2 cells  15W")
                .contains("\r[#####");
        assertThat(tty.toString()).doesNotContain("cells  elapsed 0:00  ETA --:--\n[");

        StringWriter log = new StringWriter();
        ProgressBar plain = new ProgressBar(new PrintWriter(log), false);
        plain.update(1, 2, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty());
        plain.finish();
        assertThat(log.toString())
                .isEqualTo("[############------------] 1/2 cells  elapsed 0:00  ETA --:--" + System.lineSeparator());
    }
}
