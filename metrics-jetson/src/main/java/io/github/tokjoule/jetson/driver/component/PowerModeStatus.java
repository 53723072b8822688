package io.github.tokjoule.jetson.driver.component;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code nvpmodel -q} reports: {@code NV Power Mode: <label>} followed by a line with the mode id, possibly after
 * {@code NVPM WARN} lines, e.g.
 *
 * <pre>{@code
 * NV Power Mode: MAXN_SUPER
 * 2
 * }</pre>
 *
 * @param label the label, empty if the output has no {@code NV Power Mode:} line
 * @param id the id, empty if no integer line follows the label
 * @param output the raw output
 * @since 0.1.0
 */
public record PowerModeStatus(Optional<String> label, OptionalInt id, String output) {

    private static final String PREFIX = "NV Power Mode:";

    /**
     * Parses {@code nvpmodel -q} output.
     *
     * @param output the output
     * @return the status
     */
    public static PowerModeStatus parse(String output) {
        String[] lines = output.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                continue;
            }
            String label = line.substring(at + PREFIX.length()).strip();
            OptionalInt id = OptionalInt.empty();
            for (int j = i + 1; j < lines.length; j++) {
                String next = lines[j].strip();
                if (next.matches("\\d{1,9}")) {
                    id = OptionalInt.of(Integer.parseInt(next));
                    break;
                }
                if (!next.isEmpty() && !next.startsWith("NVPM")) {
                    break;
                }
            }
            return new PowerModeStatus(label.isEmpty() ? Optional.empty() : Optional.of(label), id, output);
        }
        return new PowerModeStatus(Optional.empty(), OptionalInt.empty(), output);
    }
}
