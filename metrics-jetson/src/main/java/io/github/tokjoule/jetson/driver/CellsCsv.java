package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.component.CellValidation;
import io.github.tokjoule.jetson.driver.component.CellValidator;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.CellSpec;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes {@code <run>/cells.csv}: one row per cell of the plan with its status ({@code ok}: journaled valid and still
 * valid on disk; {@code failed}: a FAILED marker of the cell or its model; {@code missing}: not run yet), request
 * counts and reason.
 */
final class CellsCsv {

    static final String HEADER = "mode,model,gen,ctx,status,successful_requests,error_requests,reason";

    private CellsCsv() {}

    static void write(RunLayout layout, SweepPlan plan) throws IOException {
        Set<CellKey> ok = JournalReplay.read(layout.journal()).okCells();
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (CellSpec cell : plan.cells()) {
            CellKey key = cell.key();
            CellValidation v =
                    CellValidator.validate(layout.cellDir(key), plan.requestsPerCell(), plan.maxErrorRequests());
            String status;
            String reason;
            if (ok.contains(key) && v.valid()) {
                status = "ok";
                reason = "";
            } else if (Files.exists(layout.cellFailed(key))) {
                status = "failed";
                reason = read(layout.cellFailed(key));
            } else if (Files.exists(layout.modelFailed(key.modeLabel(), key.model()))) {
                status = "failed";
                reason = "model failed: " + read(layout.modelFailed(key.modeLabel(), key.model()));
            } else {
                status = "missing";
                reason = Files.isDirectory(layout.cellDir(key)) ? v.reason() : "not run";
            }
            sb.append(key.modeLabel())
                    .append(',')
                    .append(key.model())
                    .append(',')
                    .append(key.genTokens())
                    .append(',')
                    .append(key.promptTokens())
                    .append(',')
                    .append(status)
                    .append(',')
                    .append(
                            v.successfulRequests().isPresent()
                                    ? Integer.toString(v.successfulRequests().getAsInt())
                                    : "")
                    .append(',')
                    .append(
                            v.errorRequests().isPresent()
                                    ? Integer.toString(v.errorRequests().getAsInt())
                                    : "")
                    .append(',')
                    .append(quote(reason))
                    .append('\n');
        }
        Files.writeString(layout.cellsCsv(), sb.toString(), StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(unreadable " + file.getFileName() + ")";
        }
    }

    static String quote(String field) {
        if (field.isEmpty()) {
            return "";
        }
        String flat = field.replaceAll("\\R+", " | ");
        return "\"" + flat.replace("\"", "\"\"") + "\"";
    }
}
