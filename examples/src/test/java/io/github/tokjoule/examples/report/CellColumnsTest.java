package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellColumnsTest {

    @Test
    void theRequiredMetricsAreTheSharedLeadingColumnsBetweenStatusAndMethod() {
        // ReportTables.cells writes mode, model, ctx, gen, status, Metric.REQUIRED, method, flags, rail: the names
        // of Metric.REQUIRED must be CellResultsCsv's columns 5..21 for the header to describe the fields.
        List<String> leading = CellResultsCsv.LEADING_COLUMNS;
        assertThat(Metric.REQUIRED.stream().map(Metric::column).toList()).isEqualTo(leading.subList(5, 22));
        assertThat(leading.subList(0, 5)).containsExactly("mode", "model", "ctx", "gen", "status");
        assertThat(leading.subList(22, 25)).containsExactly("method", "flags", "rail");
        assertThat(ReportTables.cellColumns().subList(0, 25)).isEqualTo(leading);
    }

    @Test
    void theStatusIsTheDriversOnOneLine() {
        CellRow failed = new CellRow(
                "m",
                "15W",
                128,
                64,
                Optional.of("OOM\nkilled"),
                java.util.Map.of(),
                "MEASURED",
                "",
                List.of(),
                java.util.Map.of(),
                Optional.empty(),
                Optional.empty());
        assertThat(failed.status()).isEqualTo("failed: OOM | killed");
    }
}
