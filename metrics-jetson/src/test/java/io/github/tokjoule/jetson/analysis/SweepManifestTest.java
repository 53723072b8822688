package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.synthetic.SyntheticParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepManifestTest {

    @TempDir
    Path dir;

    @Test
    void roundTrips() throws IOException {
        SweepManifest m = new SweepManifest(
                1,
                "test",
                Optional.of(ZoneId.of("Europe/Berlin")),
                "llama.cpp",
                SweepGrid.of(List.of("a", "b"), List.of(PowerMode.of(1, "25W")), List.of(128), List.of(64, 256)),
                20,
                1,
                500,
                "notes \"quoted\"");
        Path f = dir.resolve("manifest.json");
        m.write(f);
        assertThat(SweepManifest.read(f)).isEqualTo(m);
        assertThat(Files.readString(f)).contains("\"format_version\": 1", "\"zone\": \"Europe/Berlin\"");
    }

    @Test
    void readsCamelCaseKeysIgnoresUnknownOnesAndDefaultsMissingOnes() throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(
                f,
                "{\"formatVersion\":1,\"extra\":{\"x\":[1,2]},\"list\":[{}],"
                        + "\"models\":[{\"name\":\"gemma3-1b\",\"quantisation\":\"Q4_K_M\",\"opts\":{\"a\":[1]}},\"b\"],"
                        + "\"modes\":[{\"id\":2,\"label\":\"MAXN_SUPER\",\"clock\":{\"gpu\":1020}}],"
                        + "\"prompt-lengths\":[128],\"GenLengths\":[64],"
                        + "\"TegrastatsIntervalMillis\":1000}");
        SweepManifest m = SweepManifest.read(f);
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.grid().modes()).containsExactly(PowerMode.of(2, "MAXN_SUPER"));
        assertThat(m.tegrastatsIntervalMillis()).isEqualTo(1000);
        assertThat(m.zone()).isEmpty();
        assertThat(m.grid().models()).containsExactly("gemma3-1b", "b");
        assertThat(m.backend()).isEmpty();
        assertThat(m.requestsPerCell()).isZero();
    }

    /** The grid is what tells the analysis which cells are missing: without it a missed cell would go unsaid. */
    @Test
    void aMissingEmptyOrDuplicatedGridAxisIsAnErrorNamingTheKey() throws IOException {
        Path f = dir.resolve("grid.json");
        String modes = "\"modes\":[{\"id\":1,\"label\":\"25W\"}]";
        Files.writeString(f, "{" + modes + ",\"models\":[\"a\"],\"gen_lengths\":[64]}");
        assertThatThrownBy(() -> SweepManifest.read(f))
                .isInstanceOf(SweepFormatException.class)
                .hasMessageContaining("grid.json")
                .hasMessageContaining("key \"prompt_lengths\" is missing or empty");
        Files.writeString(f, "{" + modes + ",\"models\":[],\"prompt_lengths\":[128],\"gen_lengths\":[64]}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("key \"models\" is missing or empty");
        Files.writeString(f, "{" + modes + ",\"models\":[\"a\"],\"prompt_lengths\":[128],\"gen_lengths\":[64,64]}");
        assertThatThrownBy(() -> SweepManifest.read(f))
                .isInstanceOf(SweepFormatException.class)
                .hasMessageContaining("grid.json")
                .hasMessageContaining("genLengths: 64 at index 1 duplicates 64 at index 0");
    }

    /**
     * Manifests written before {@link SweepGrid} existed read to the grid they declare: the synthetic generator's
     * (0.1, {@code tokjoule demo --random-seed 7}) and the driver's (model objects, extra keys).
     */
    @Test
    void existingManifestsReadToTheSameGrid() throws Exception {
        SweepManifest demo = SweepManifest.read(resource("manifest-synthetic-0.1.json"));
        assertThat(demo.grid())
                .isEqualTo(SweepGrid.of(
                        // the demo's axes are Table 15's models and the Orin Nano Super's modes, in that order
                        SyntheticParameters.table15().models(),
                        SyntheticParameters.ORIN_NANO_SUPER_MODES,
                        List.of(128, 512, 1024, 2048),
                        List.of(64, 128, 256)));
        assertThat(demo.grid().models()).hasSize(8).startsWith("smollm2-135m").endsWith("gemma3-1b");
        assertThat(demo.grid().modes()).extracting(PowerMode::label).containsExactly("7W", "15W", "25W", "MAXN_SUPER");
        assertThat(demo.grid().cellCount()).isEqualTo(384);
        Path rewritten = dir.resolve("manifest.json");
        demo.write(rewritten);
        assertThat(Files.readString(rewritten)).isEqualTo(Files.readString(resource("manifest-synthetic-0.1.json")));

        SweepManifest driver = SweepManifest.read(resource("manifest-driver-0.1.json"));
        assertThat(driver.grid())
                .isEqualTo(SweepGrid.of(
                        List.of("alpha", "beta"), List.of(PowerMode.of(0, "15W")), List.of(16, 32), List.of(4, 8)));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(SweepManifestTest.class.getResource(name).toURI());
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"zone\":\"Mars/Olympus\"}");
        assertThatThrownBy(() -> SweepManifest.read(f))
                .isInstanceOf(SweepFormatException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("\"zone\"")
                .hasMessageContaining("Mars/Olympus");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"requests_per_cell\":\"twenty\"}");
        assertThatThrownBy(() -> SweepManifest.read(f))
                .hasMessageContaining("\"requests_per_cell\" must be an integer")
                .hasMessageContaining("twenty");
        Files.writeString(f, "{\"models\":[\"a\"]}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("\"modes\" is missing");
        Files.writeString(f, "[1]");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("JSON object");
        Files.writeString(f, "{\"modes\": [");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("not valid JSON");
        Files.writeString(f, "{\"modes\":[{\"id\":-1,\"label\":\"x\"}]}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("modes[0]");
        Files.writeString(f, "{\"modes\":[\"25W\"]}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("{id, label}");
        Files.writeString(f, "{\"modes\":{}}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("array");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"models\":[1]}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("models[0]");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"gen_lengths\":{}}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("gen_lengths");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"models\":\"a\"}");
        assertThatThrownBy(() -> SweepManifest.read(f)).hasMessageContaining("array of model names");
        Files.writeString(f, "{\"modes\":[{\"id\":1,\"label\":\"25W\"}],\"models\":[{\"gguf\":\"x\"}]}");
        assertThatThrownBy(() -> SweepManifest.read(f))
                .hasMessageContaining("models[0]")
                .hasMessageContaining("name");
        SweepFormatException e = new SweepFormatException(f, "x", null);
        assertThat(e.source()).isEqualTo(f);
    }
}
