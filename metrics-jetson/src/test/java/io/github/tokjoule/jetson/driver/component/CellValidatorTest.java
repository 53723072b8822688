package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellValidatorTest {

    @TempDir
    Path cell;

    private void files(String summary, boolean records, boolean tegrastats) throws IOException {
        if (summary != null) {
            Files.writeString(cell.resolve("profile_export_aiperf.json"), summary);
        }
        if (records) {
            Files.writeString(cell.resolve("profile_export.jsonl"), "{}\n");
        }
        if (tegrastats) {
            Files.writeString(cell.resolve("tegrastats.log"), "05-15-2025 18:30:28 RAM 1/2MB\n");
        }
    }

    @Test
    void aCompleteCellIsValid() throws IOException {
        files("{\"request_count\": {\"unit\": \"requests\", \"avg\": 20.0}, \"error_summary\": []}", true, true);
        CellValidation v = CellValidator.validate(cell, 20, 0);
        assertThat(v).isEqualTo(new CellValidation(true, OptionalInt.of(20), OptionalInt.of(0), "ok"));
    }

    @Test
    void requestsAndErrorsAreCheckedAgainstThePlanAndTheTolerance() throws IOException {
        // The seed's single-node rule: request_count ≥ 18 and ≤ 2 errors for 20 requests → tolerance 2.
        files(
                "{\"request_count\": {\"unit\": \"requests\", \"avg\": 18}, \"error_summary\": [{\"error_details\": {\"message\": \"x\"},"
                        + " \"count\": 2}]}",
                true,
                true);
        assertThat(CellValidator.validate(cell, 20, 2).valid()).isTrue();
        CellValidation strict = CellValidator.validate(cell, 20, 0);
        assertThat(strict.valid()).isFalse();
        assertThat(strict.reason()).isEqualTo("18 of 20 requests succeeded, 2 failed (tolerance 0)");
        assertThat(strict.errorRequests()).hasValue(2);
        files(
                "{\"request_count\": {\"unit\": \"requests\", \"avg\": 17}, \"error_request_count\": {\"unit\": \"requests\", \"avg\": 3}}",
                true,
                true);
        assertThat(CellValidator.validate(cell, 20, 2).reason())
                .isEqualTo("17 of 20 requests succeeded, 3 failed (tolerance 2)");
    }

    @Test
    void missingPiecesMakeACellInvalidWithTheirName() throws IOException {
        assertThat(CellValidator.validate(cell, 20, 0).reason()).isEqualTo("no profile_export_aiperf.json");
        files("{not json", false, false);
        assertThat(CellValidator.validate(cell, 20, 0).reason())
                .startsWith(
                        "profile_export_aiperf.json is not an aiperf summary: profile_export_aiperf.json: $ (line 1,"
                                + " column 2)");
        files("[]", false, false);
        assertThat(CellValidator.validate(cell, 20, 0).reason())
                .startsWith("profile_export_aiperf.json is not an aiperf summary");
        files("{\"error_request_count\": {\"unit\": \"requests\", \"avg\": 20}}", false, false);
        CellValidation allFailed = CellValidator.validate(cell, 20, 0);
        assertThat(allFailed.reason())
                .isEqualTo("profile_export_aiperf.json has no request_count (no request" + " succeeded; 20 failed)");
        assertThat(allFailed.successfulRequests()).hasValue(0);
        files("{}", false, false);
        assertThat(CellValidator.validate(cell, 20, 0).reason()).endsWith("(no request succeeded)");
        files("{\"request_count\": {\"unit\": \"requests\", \"avg\": 20}}", false, false);
        assertThat(CellValidator.validate(cell, 20, 0).reason()).isEqualTo("no or empty profile_export.jsonl");
        files("{\"request_count\": {\"unit\": \"requests\", \"avg\": 20}}", true, false);
        assertThat(CellValidator.validate(cell, 20, 0).reason()).isEqualTo("no or empty tegrastats.log");
        Files.writeString(cell.resolve("tegrastats.log"), "");
        assertThat(CellValidator.validate(cell, 20, 0).valid()).isFalse();
    }
}
