package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.aiperf.AiperfFormatException;
import io.github.tokjoule.aiperf.AiperfProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checks a cell directory after aiperf ran, reading aiperf's summary with
 * {@link io.github.tokjoule.aiperf.AiperfProfile}. A cell is valid when
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
        AiperfProfile profile;
        try {
            profile = AiperfProfile.read(summary);
        } catch (IOException e) {
            return CellValidation.invalid("cannot read " + SUMMARY + ": " + e.getMessage());
        } catch (AiperfFormatException e) {
            return CellValidation.invalid(SUMMARY + " is not an aiperf summary: " + e.getMessage());
        }
        OptionalInt errors = errors(profile);
        if (profile.requestCount().isEmpty()) {
            return new CellValidation(
                    false,
                    OptionalInt.of(0),
                    errors,
                    SUMMARY + " has no request_count (no request succeeded"
                            + (errors.isPresent() ? "; " + errors.getAsInt() + " failed)" : ")"));
        }
        int ok = (int) profile.requestCount().getAsLong();
        int failed = errors.orElse(0);
        OptionalInt successful = OptionalInt.of(ok);
        OptionalInt errorsOut = OptionalInt.of(failed);
        if (ok < plannedRequests - maxErrorRequests || failed > maxErrorRequests) {
            return new CellValidation(
                    false,
                    successful,
                    errorsOut,
                    ok + " of " + plannedRequests + " requests succeeded, " + failed + " failed (tolerance "
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

    /** Failed requests: {@code error_request_count}, else the sum of {@code error_summary} counts. */
    private static OptionalInt errors(AiperfProfile profile) {
        OptionalLong count = profile.errorRequestCount();
        if (count.isEmpty()) {
            count = profile.errorCount();
        }
        return count.isPresent() ? OptionalInt.of((int) count.getAsLong()) : OptionalInt.empty();
    }
}
