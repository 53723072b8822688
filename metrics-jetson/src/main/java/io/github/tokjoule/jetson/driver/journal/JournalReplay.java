package io.github.tokjoule.jetson.driver.journal;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a journal says about a run: the plan fingerprint, the power modes verified, the latest status of every cell,
 * and the lines that could not be read (a torn last line after a crash, or damage), each with its line number.
 *
 * @since 0.1.0
 */
public final class JournalReplay {

    private final List<Map<String, Object>> events;
    private final Set<String> fingerprints;
    private final Map<CellKey, String> latestStatus;
    private final Map<CellKey, String> failureReasons;
    private final Map<String, String> verifiedModes;
    private final List<String> problems;

    private JournalReplay(
            List<Map<String, Object>> events,
            Set<String> fingerprints,
            Map<CellKey, String> latestStatus,
            Map<CellKey, String> failureReasons,
            Map<String, String> verifiedModes,
            List<String> problems) {
        this.events = events;
        this.fingerprints = fingerprints;
        this.latestStatus = latestStatus;
        this.failureReasons = failureReasons;
        this.verifiedModes = verifiedModes;
        this.problems = problems;
    }

    /**
     * Reads a journal. A missing file reads as an empty journal.
     *
     * @param file the journal
     * @return the replay
     * @throws IOException if it cannot be read
     */
    @SuppressWarnings("unchecked")
    public static JournalReplay read(Path file) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        Set<String> fingerprints = new LinkedHashSet<>();
        Map<CellKey, String> latest = new LinkedHashMap<>();
        Map<CellKey, String> reasons = new LinkedHashMap<>();
        Map<String, String> modes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                Object tree;
                try {
                    tree = JsonTree.parse(line);
                } catch (JsonTree.SyntaxException e) {
                    problems.add(file.getFileName() + " line " + (i + 1) + ": unreadable (" + e.getMessage() + ")");
                    continue;
                }
                if (!(tree instanceof Map) || !(((Map<String, Object>) tree).get("event") instanceof String)) {
                    problems.add(file.getFileName() + " line " + (i + 1) + ": not an event object");
                    continue;
                }
                Map<String, Object> event = (Map<String, Object>) tree;
                events.add(event);
                String type = String.valueOf(event.get("event"));
                Object fingerprint = event.get("planFingerprint");
                if (type.equals("run-start") && fingerprint instanceof String fp) {
                    fingerprints.add(fp);
                } else if (type.equals("mode-set")) {
                    modes.put(String.valueOf(event.get("modeLabel")), String.valueOf(event.get("reportedLabel")));
                } else if (type.equals("cell-done")) {
                    Optional<CellKey> key = cellKey(event);
                    if (key.isEmpty()) {
                        problems.add(file.getFileName() + " line " + (i + 1) + ": cell-done without a cell key");
                        continue;
                    }
                    String status = String.valueOf(event.get("status"));
                    latest.put(key.get(), status);
                    if (status.equals("ok")) {
                        reasons.remove(key.get());
                    } else {
                        reasons.put(key.get(), String.valueOf(event.get("reason")));
                    }
                }
            }
        }
        return new JournalReplay(events, fingerprints, latest, reasons, modes, problems);
    }

    /**
     * Returns the key of a cell event.
     *
     * @param event the event
     * @return the key, empty if a field is missing
     */
    public static Optional<CellKey> cellKey(Map<String, Object> event) {
        Object mode = event.get("mode");
        Object model = event.get("model");
        Object gen = event.get("gen");
        Object ctx = event.get("ctx");
        if (mode instanceof String m && model instanceof String n && gen instanceof Long g && ctx instanceof Long c) {
            return Optional.of(new CellKey(n, m, c.intValue(), g.intValue()));
        }
        return Optional.empty();
    }

    /**
     * Returns the events read, in order.
     *
     * @return the events
     */
    public List<Map<String, Object>> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Returns the plan fingerprint the run was started with; empty for an empty journal.
     *
     * @return the fingerprint of the first {@code run-start}
     */
    public Optional<String> planFingerprint() {
        return fingerprints.stream().findFirst();
    }

    /**
     * Returns every distinct fingerprint of the journal's {@code run-start} events (more than one means a journal
     * written by different plans — the driver refuses to resume it).
     *
     * @return the fingerprints
     */
    public Set<String> planFingerprints() {
        return Collections.unmodifiableSet(fingerprints);
    }

    /**
     * Returns the cells whose latest {@code cell-done} says {@code ok}.
     *
     * @return the cells
     */
    public Set<CellKey> okCells() {
        Set<CellKey> ok = new LinkedHashSet<>();
        latestStatus.forEach((k, v) -> {
            if (v.equals("ok")) {
                ok.add(k);
            }
        });
        return ok;
    }

    /**
     * Returns the cells whose latest {@code cell-done} says {@code failed}, with the reason.
     *
     * @return the cells and reasons
     */
    public Map<CellKey, String> failedCells() {
        return Collections.unmodifiableMap(failureReasons);
    }

    /**
     * Returns the modes verified by {@code mode-set} events: plan label → label nvpmodel reported.
     *
     * @return the modes
     */
    public Map<String, String> verifiedModes() {
        return Collections.unmodifiableMap(verifiedModes);
    }

    /**
     * Returns the lines that could not be read, with line numbers.
     *
     * @return the problems, empty if none
     */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /**
     * Returns how many events of a type the journal holds.
     *
     * @param type the event type
     * @return the count
     */
    public long count(String type) {
        return events.stream().filter(e -> type.equals(e.get("event"))).count();
    }
}
