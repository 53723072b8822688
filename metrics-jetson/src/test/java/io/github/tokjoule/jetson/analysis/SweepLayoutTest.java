package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLayoutTest {

    @TempDir
    Path dir;

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
    }

    @Test
    void findsOurLayoutFromTheManifest() throws IOException {
        SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("UTC"))
                        .modes("15W", "MAXN_SUPER")
                        .models("smollm2-135m", "qwen3-0.6b")
                        .promptLengths(128, 2048)
                        .genLengths(64, 256)
                        .requestsPerCell(2)
                        .failModel("qwen3-0.6b", "15W", "OOM")
                        .failCell("smollm2-135m", "MAXN_SUPER", 128, 256, "server died")
                        .build(),
                dir);
        Files.createDirectories(dir.resolve("logs/15W")); // driver-only directories are not modes
        SweepLayout layout = SweepLayout.discover(dir, Optional.empty());
        assertThat(layout.kind()).isEqualTo(SweepLayout.Kind.TOKJOULE);
        assertThat(layout.manifest()).isPresent();
        assertThat(layout.modes()).containsExactly(PowerMode.of(0, "15W"), PowerMode.of(2, "MAXN_SUPER"));
        // 2 modes × 2 models × 4 planned cells; the 4 cells of the model that failed at 15W are there as failed cells
        assertThat(layout.cells()).hasSize(16);
        assertThat(layout.cells().stream()
                        .filter(c -> c.mode().label().equals("15W") && c.model().equals("qwen3-0.6b")))
                .hasSize(4)
                .allSatisfy(c -> {
                    assertThat(c.failedReason()).contains("model failed: OOM");
                    assertThat(c.summaryFile()).isEmpty();
                });
        assertThat(layout.failedModels()).singleElement().satisfies(f -> {
            assertThat(f.model()).isEqualTo("qwen3-0.6b");
            assertThat(f.reason()).isEqualTo("OOM");
        });
        SweepLayout.CellLocation first = layout.cells().get(0);
        assertThat(first.mode().label()).isEqualTo("15W");
        assertThat(first.genTokens()).isEqualTo(64);
        assertThat(first.ctxTokens()).isEqualTo(128);
        assertThat(first.summaryFile()).isPresent();
        assertThat(first.recordsFile()).isPresent();
        assertThat(first.tegrastatsLog()).contains(first.directory().resolve("tegrastats.log"));
        assertThat(first.wholeRunLog()).isFalse();
        SweepLayout.CellLocation failed = layout.cells().stream()
                .filter(c -> c.mode().label().equals("MAXN_SUPER")
                        && c.failedReason().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(failed.failedReason()).contains("server died");
        assertThat(failed.summaryFile()).isEmpty();
        // manifest order: smollm2-135m before qwen3-0.6b although "q" < "s"
        assertThat(layout.cells().stream()
                        .filter(c -> c.mode().label().equals("MAXN_SUPER"))
                        .map(SweepLayout.CellLocation::model)
                        .distinct())
                .containsExactly("smollm2-135m", "qwen3-0.6b");
    }

    @Test
    void aPlannedCellWithoutDirectoryIsAFailedCellNamingThePath() throws IOException {
        SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("UTC"))
                        .modes("25W")
                        .models("smollm2-135m")
                        .promptLengths(128)
                        .genLengths(64, 128)
                        .requestsPerCell(2)
                        .build(),
                dir);
        Path gone = dir.resolve("25W/smollm2-135m/gen128/ctx128");
        try (var files = Files.walk(gone)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        Files.delete(gone.getParent());
        SweepLayout layout = SweepLayout.discover(dir, Optional.empty());
        assertThat(layout.cells()).hasSize(2);
        SweepLayout.CellLocation missing = layout.cells().get(1);
        assertThat(missing.genTokens()).isEqualTo(128);
        assertThat(missing.failedReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("missing: the manifest plans this cell but ")
                .endsWith("gen128/ctx128 does not exist"));
        assertThat(layout.failedModels()).isEmpty();
    }

    @Test
    void findsTheSeedsLayoutWithModeDirectoriesBackendLevelAndWholeRunLog() throws IOException {
        Path root = dir.resolve("hf");
        touch(root.resolve("jetson-non-reasoning-benchmark-25w/gemma3-1b/gen64/ctx128/profile_export_aiperf.json"));
        touch(root.resolve("jetson-non-reasoning-benchmark-25w/gemma3-1b/gen64/ctx128/tegrastats.log"));
        touch(root.resolve("jetson-non-reasoning-benchmark-25w/gemma3-1b/gen64/ctx512/profile_export_aiperf.json"));
        touch(root.resolve(
                "blog-all-20260527-0447-7w/llamacpp/smollm2-135m/gen256/ctx2048/" + "profile_export_aiperf.json"));
        touch(root.resolve("blog-all-20260527-0447-7w/tegrastats.log"));
        touch(root.resolve("MAXN/qwen3-0.6b/FAILED"));
        touch(root.resolve("README/notes.txt"));
        SweepLayout layout = SweepLayout.discover(root, Optional.empty());
        assertThat(layout.kind()).isEqualTo(SweepLayout.Kind.SEED);
        assertThat(layout.modes())
                .containsExactly(PowerMode.of(3, "7W"), PowerMode.of(1, "25W"), PowerMode.of(2, "MAXN"));
        assertThat(layout.cells()).hasSize(3);
        SweepLayout.CellLocation sevenWatt = layout.cells().get(0);
        assertThat(sevenWatt.backend()).isEqualTo("llamacpp");
        assertThat(sevenWatt.wholeRunLog()).isTrue();
        assertThat(sevenWatt.tegrastatsLog()).contains(root.resolve("blog-all-20260527-0447-7w/tegrastats.log"));
        assertThat(layout.cells().get(1).wholeRunLog()).isFalse();
        assertThat(layout.cells().get(2).tegrastatsLog()).isEmpty(); // ctx512 has no log, and no run log exists
        assertThat(layout.failedModels()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("{}"));
    }

    @Test
    void singleModeDirectoryTakesItsModeFromItsNameOrTheCaller() throws IOException {
        Path named = dir.resolve("jetson-non-reasoning-benchmark-15w");
        touch(named.resolve("m/gen64/ctx128/profile_export_aiperf.json"));
        assertThat(SweepLayout.discover(named, Optional.empty()).modes()).containsExactly(PowerMode.of(0, "15W"));

        Path plain = dir.resolve("run");
        touch(plain.resolve("m/gen64/ctx128/profile_export_aiperf.json"));
        Files.writeString(plain.resolve("m/gen64/ctx128/tegrastats.log.gz"), "");
        SweepLayout layout = SweepLayout.discover(plain, Optional.of(PowerMode.of(1, "25W")));
        assertThat(layout.modes()).containsExactly(PowerMode.of(1, "25W"));
        assertThat(layout.cells().get(0).tegrastatsLog().orElseThrow().getFileName())
                .hasToString("tegrastats.log.gz");
        assertThatThrownBy(() -> SweepLayout.discover(plain, Optional.empty()))
                .isInstanceOf(SweepFormatException.class)
                .hasMessageContaining("give the mode");
        assertThatThrownBy(() -> SweepLayout.discover(dir.resolve("nope"), Optional.empty()))
                .hasMessageContaining("not a directory");
    }

    @Test
    void warnsAboutManifestModesWithoutDirectoriesAndEmptyModes() throws IOException {
        SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("UTC"))
                        .modes("25W")
                        .models("smollm2-135m")
                        .promptLengths(128)
                        .genLengths(64)
                        .requestsPerCell(1)
                        .build(),
                dir);
        Files.writeString(
                dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json"))
                        .replace("\"modes\": [", "\"modes\": [ { \"id\": 3, \"label\": \"7W\" },"));
        Files.createDirectories(dir.resolve("7w_empty"));
        SweepLayout layout = SweepLayout.discover(dir, Optional.empty());
        assertThat(layout.modes()).containsExactly(PowerMode.of(1, "25W"));
        assertThat(layout.warnings()).singleElement().asString().contains("7W");
        Path empty = dir.resolve("x-15w");
        Files.createDirectories(empty);
        assertThat(SweepLayout.discover(empty, Optional.empty()).warnings())
                .singleElement()
                .asString()
                .contains("no model directories");
    }
}
