package io.github.tokjoule.jetson.driver.component;

import java.util.OptionalInt;

/**
 * Whether a cell's artifacts make a valid measurement.
 *
 * @param valid true if valid
 * @param successfulRequests aiperf's {@code request_count}, empty if the summary is unreadable
 * @param errorRequests failed requests ({@code error_request_count}, else the sum of {@code error_summary} counts),
 *     empty if the summary is unreadable
 * @param reason why the cell is invalid, or {@code ok}
 * @since 0.1.0
 */
public record CellValidation(boolean valid, OptionalInt successfulRequests, OptionalInt errorRequests, String reason) {

    static CellValidation invalid(String reason) {
        return new CellValidation(false, OptionalInt.empty(), OptionalInt.empty(), reason);
    }
}
