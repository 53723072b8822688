package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.PowerMode;
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
                List.of(PowerMode.of(1, "25W")),
                List.of("a", "b"),
                List.of(128),
                List.of(64, 256),
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
                        + "\"TegrastatsIntervalMillis\":1000}");
        SweepManifest m = SweepManifest.read(f);
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.modes()).containsExactly(PowerMode.of(2, "MAXN_SUPER"));
        assertThat(m.tegrastatsIntervalMillis()).isEqualTo(1000);
        assertThat(m.zone()).isEmpty();
        assertThat(m.models()).containsExactly("gemma3-1b", "b");
        assertThat(m.backend()).isEmpty();
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
