package io.github.tokjoule.live.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The health of a live source at one moment: what it recorded, what it failed to record and why, and what the machine
 * offers. Nothing a source skips goes uncounted: every failed read and every missed deadline is in these counts.
 *
 * @param source the source's name
 * @param running {@code true} while the source samples (its thread or child process is alive)
 * @param samples samples appended to the source's traces
 * @param failures reads or lines that gave no sample (an unreadable file, a malformed line, a reading the tool printed
 *     as not available); each is skipped, never zero-filled
 * @param missedDeadlines sampling deadlines that passed without a read because the sampler ran late (a stall)
 * @param lastProblem the most recent failure, or why the source stopped
 * @param facts what the machine offers, as the source found it (e.g. the INA3221's {@code update_interval}, the
 *     nvidia-smi fields supported), in discovery order
 * @since 0.2.0
 */
public record SourceStatus(
        String source,
        boolean running,
        long samples,
        long failures,
        long missedDeadlines,
        Optional<String> lastProblem,
        Map<String, String> facts) {

    /**
     * Copies the facts, keeping their order (a log's header lists them in it, the same from run to run; {@code
     * Map.copyOf} would not).
     */
    public SourceStatus {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
