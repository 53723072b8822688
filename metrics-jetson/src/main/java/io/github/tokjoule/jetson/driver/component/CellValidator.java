package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks a cell directory after aiperf ran. A cell is valid when
 *
 * <ul>
 *   <li>{@code profile_export_aiperf.json} exists and parses, with a {@code request_count};
 *   <li>{@code profile_export.jsonl} exists and is not empty (the measured method integrates power over each
 *       request's own window);
 *   <li>{@code tegrastats.log} exists and is not empty;
 *   <li>successful requests ≥ planned − tolerance, and failed requests ≤ tolerance (the seed's single-node driver
 *       accepted {@code request_count ≥ 18} and ≤ 2 errors for 20 requests; the v1 driver accepted anything).
 * </ul>
 *
 * @since 0.1.0
 */
public final class CellValidator {

    /** aiperf's summary file. */
    public static final String SUMMARY = "profile_export_aiperf.json";
    /** aiperf's per-request file. */
    public static final String RECORDS = "profile_export.jsonl";
    /** The cell's power log. */
    public static final String TEGRASTATS = "tegrastats.log";

    private CellValidator() {}

    /**
     * Validates a cell directory.
     *
     * @param cellDir the directory
     * @param plannedRequests requests per cell in the plan
     * @param maxErrorRequests failed requests tolerated
     * @return the verdict
     */
    public static CellValidation validate(Path cellDir, int plannedRequests, int maxErrorRequests) {
        Path summary = cellDir.resolve(SUMMARY);
        if (!Files.isRegularFile(summary)) {
            return CellValidation.invalid("no " + SUMMARY);
        }
        Object tree;
        try {
            tree = JsonTree.parse(Files.readString(summary, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return CellValidation.invalid("cannot read " + SUMMARY + ": " + e.getMessage());
        } catch (JsonTree.SyntaxException e) {
            return CellValidation.invalid(SUMMARY + " is not valid JSON: " + e.getMessage());
        }
        if (!(tree instanceof Map)) {
            return CellValidation.invalid(SUMMARY + " is not a JSON object");
        }
        Map<?, ?> root = (Map<?, ?>) tree;
        OptionalInt successful = avg(root, "request_count");
        if (successful.isEmpty()) {
            OptionalInt errors = errors(root);
            return new CellValidation(
                    false,
                    OptionalInt.of(0),
                    errors,
                    SUMMARY + " has no request_count (no request succeeded"
                            + (errors.isPresent() ? "; " + errors.getAsInt() + " failed)" : ")"));
        }
        OptionalInt errorCount = errors(root);
        int errors = errorCount.orElse(0);
        int ok = successful.getAsInt();
        OptionalInt errorsOut = OptionalInt.of(errors);
        if (ok < plannedRequests - maxErrorRequests || errors > maxErrorRequests) {
            return new CellValidation(
                    false,
                    successful,
                    errorsOut,
                    ok + " of " + plannedRequests + " requests succeeded, " + errors + " failed (tolerance "
                            + maxErrorRequests + ")");
        }
        if (!nonEmpty(cellDir.resolve(RECORDS))) {
            return new CellValidation(false, successful, errorsOut, "no or empty " + RECORDS);
        }
        if (!nonEmpty(cellDir.resolve(TEGRASTATS))) {
            return new CellValidation(false, successful, errorsOut, "no or empty " + TEGRASTATS);
        }
        return new CellValidation(true, successful, errorsOut, "ok");
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static OptionalInt avg(Map<?, ?> root, String key) {
        Object metric = root.get(key);
        if (metric instanceof Map) {
            Object avg = ((Map<?, ?>) metric).get("avg");
            if (avg instanceof Number) {
                return OptionalInt.of((int) Math.round(((Number) avg).doubleValue()));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt errors(Map<?, ?> root) {
        OptionalInt count = avg(root, "error_request_count");
        if (count.isPresent()) {
            return count;
        }
        Object summary = root.get("error_summary");
        if (summary instanceof List) {
            int sum = 0;
            for (Object item : (List<?>) summary) {
                if (item instanceof Map && ((Map<?, ?>) item).get("count") instanceof Number) {
                    sum += ((Number) ((Map<?, ?>) item).get("count")).intValue();
                }
            }
            return OptionalInt.of(sum);
        }
        return OptionalInt.empty();
    }
}
