package io.github.tokjoule.jetson.driver.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJournalTest {

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-25T23:25:00Z"), ZoneOffset.UTC);
    private final CellKey a = new CellKey("m", "15W", 128, 64);
    private final CellKey b = new CellKey("m", "15W", 512, 64);

    @Test
    void eventsAreOneJsonObjectPerLineAndReplayGivesTheLatestStatusOfEachCell() throws Exception {
        Path file = tmp.resolve(SweepJournal.FILE_NAME);
        try (SweepJournal j = SweepJournal.open(file, clock)) {
            j.append("run-start", Map.of("planFingerprint", "sha256:aa"));
            j.append("mode-set", Map.of("modeLabel", "15W", "reportedLabel", "15W"));
            Map<String, Object> failed = new java.util.LinkedHashMap<>();
            failed.put("status", "failed");
            failed.put("reason", "aiperf exited with code 1");
            j.appendCell("cell-done", a, failed);
            j.appendCell("cell-done", b, Map.of("status", "ok"));
        }
        try (SweepJournal j = SweepJournal.open(file, clock)) {
            j.append("run-start", Map.of("planFingerprint", "sha256:aa"));
            j.appendCell("cell-done", a, Map.of("status", "ok"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(2))
                .isEqualTo("{\"event\":\"cell-done\",\"at\":\"2026-05-25T23:25:00Z\",\"mode\":\"15W\",\"model\":\"m\","
                        + "\"gen\":64,\"ctx\":128,\"status\":\"failed\",\"reason\":\"aiperf exited with code 1\"}");
        JournalReplay replay = JournalReplay.read(file);
        assertThat(replay.planFingerprint()).contains("sha256:aa");
        assertThat(replay.planFingerprints()).containsExactly("sha256:aa");
        assertThat(replay.okCells()).containsExactly(a, b);
        assertThat(replay.failedCells()).isEmpty();
        assertThat(replay.verifiedModes()).containsExactly(Map.entry("15W", "15W"));
        assertThat(replay.count("run-start")).isEqualTo(2);
        assertThat(replay.events()).hasSize(6);
        assertThat(replay.problems()).isEmpty();
    }

    @Test
    void aTornLastLineIsClosedOnReopenAndReportedWithoutLosingAnything() throws Exception {
        Path file = tmp.resolve(SweepJournal.FILE_NAME);
        try (SweepJournal j = SweepJournal.open(file, clock)) {
            j.appendCell("cell-done", a, Map.of("status", "failed", "reason", "x"));
        }
        // A crash in the middle of a write leaves half a line.
        Files.writeString(file, "{\"event\":\"cell-done\",\"mo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SweepJournal j = SweepJournal.open(file, clock)) {
            j.appendCell("cell-done", b, Map.of("status", "ok"));
        }
        Files.writeString(file, "[1]\n{\"event\":\"cell-done\",\"status\":\"ok\"}\n\n", StandardOpenOption.APPEND);
        JournalReplay replay = JournalReplay.read(file);
        assertThat(replay.okCells()).containsExactly(b);
        assertThat(replay.failedCells()).containsExactly(Map.entry(a, "x"));
        assertThat(replay.problems())
                .hasSize(3)
                .satisfies(p -> assertThat(p.get(0)).startsWith("journal.jsonl line 2: unreadable"))
                .satisfies(p -> assertThat(p.get(1)).isEqualTo("journal.jsonl line 4: not an event object"))
                .satisfies(p -> assertThat(p.get(2)).isEqualTo("journal.jsonl line 5: cell-done without a cell key"));
    }

    @Test
    void anAbsentJournalIsEmptyAndSeveralPlansAreVisible() throws Exception {
        JournalReplay empty = JournalReplay.read(tmp.resolve("none.jsonl"));
        assertThat(empty.planFingerprint()).isEmpty();
        assertThat(empty.events()).isEmpty();
        Path file = tmp.resolve("j.jsonl");
        try (SweepJournal j = SweepJournal.open(file, clock)) {
            j.append("run-start", Map.of("planFingerprint", "sha256:aa"));
            j.append("run-start", Map.of("planFingerprint", "sha256:bb"));
        }
        assertThat(JournalReplay.read(file).planFingerprints()).containsExactly("sha256:aa", "sha256:bb");
        assertThat(JournalReplay.cellKey(Map.of("mode", "15W"))).isEmpty();
    }
}
