package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerPiecesTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheOutOfMemorySignaturesInALog() throws IOException {
        String log = "llama_model_loader: loaded meta data\nNvMapMemAllocInternalTagged: 1075072515 error 12\n"
                + "ggml_backend_cuda_buffer_type_alloc_buffer: allocating 2306.00 MiB on device 0: cudaMalloc"
                + " failed: out of memory\nCUDA error: OUT OF MEMORY\nmain: exiting\n";
        assertThat(OomSignatures.find(log, 5))
                .containsExactly(
                        "NvMapMemAllocInternalTagged: 1075072515 error 12",
                        "ggml_backend_cuda_buffer_type_alloc_buffer: allocating 2306.00 MiB on device 0: cudaMalloc"
                                + " failed: out of memory",
                        "CUDA error: OUT OF MEMORY");
        assertThat(OomSignatures.find(log, 1)).hasSize(1);
        assertThat(OomSignatures.find("all good\n", 5)).isEmpty();
        Path file = tmp.resolve("server.log");
        Files.writeString(file, log);
        assertThat(OomSignatures.find(file, 5)).hasSize(3);
        assertThat(OomSignatures.find(tmp.resolve("absent.log"), 5)).isEmpty();
        assertThat(OomSignatures.lastLines(file, 2)).isEqualTo("CUDA error: OUT OF MEMORY | main: exiting");
        assertThat(OomSignatures.lastLines(tmp.resolve("absent.log"), 2)).isEqualTo("(empty log)");
    }

    @Test
    void theSmokeTestIsTheSeedsAndChecksForAMessage() {
        String body = SmokeTest.body("m", 32);
        // 32 / 8 + 1 = 5 repetitions of the seed's sentence.
        assertThat(body)
                .startsWith("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"The quick brown"
                        + " fox jumped over the lazy dog. The quick")
                .endsWith("\"}],\"max_tokens\":32}");
        assertThat(body.split("The quick brown fox", -1)).hasSize(6);
        assertThat(SmokeTest.hasMessage("{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}"))
                .isTrue();
        assertThat(SmokeTest.hasMessage("{\"choices\":[]}")).isFalse();
        assertThat(SmokeTest.hasMessage("{\"choices\":[{\"delta\":{}}]}")).isFalse();
        assertThat(SmokeTest.hasMessage("[]")).isFalse();
        assertThat(SmokeTest.hasMessage("oops")).isFalse();
        assertThat(SmokeTest.abbreviate("x".repeat(400))).hasSize(301).endsWith("…");
        assertThat(SmokeTest.describe("http://h:1"))
                .hasSize(3)
                .first()
                .asString()
                .contains("~32 prompt tokens");
    }
}
