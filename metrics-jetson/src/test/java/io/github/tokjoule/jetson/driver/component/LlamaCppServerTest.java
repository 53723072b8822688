package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.driver.fakes.FakeBin;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.LocalProcessRunner;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama-server start-up failures, against the fake llama-server. */
class LlamaCppServerTest {

    @TempDir
    Path tmp;

    private LlamaCppServer server(FakeBin fakes, Map<String, String> switches, String members, int port)
            throws Exception {
        Files.writeString(tmp.resolve("m.gguf"), "GGUF");
        SweepPlan plan = SweepPlan.parse(
                "{\"models\": [{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\"}, {\"name\": \"gone\","
                        + " \"gguf\": \"gone.gguf\", \"tokenizer\": \"t\"}], \"server\": {\"port\": " + port + "}"
                        + members + "}",
                "p",
                tmp);
        return LlamaCppServer.create(
                LocalProcessRunner.create(fakes.environment(switches)),
                JetsonCommands.of(plan, List.of()),
                Sleeper.system(),
                Duration.ofMillis(20));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aServerThatIsNotReadyInTimeIsStoppedAndReported() throws Exception {
        FakeBin fakes = FakeBin.create(tmp);
        int port = freePort();
        LlamaCppServer server = server(
                fakes,
                Map.of("FAKE_LLAMA_LOAD_MILLIS", "60000"),
                ", \"timeouts\": {\"serverStartupSeconds\": 1.5, \"stopGraceSeconds\": 2}",
                port);
        SweepPlan plan = SweepPlan.parse(
                "{\"models\": [{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\"}]}", "p", tmp);
        assertThatThrownBy(() -> server.start(plan.models().get(0), tmp.resolve("logs")))
                .isInstanceOfSatisfying(ServerFailureException.class, e -> assertThat(e.kind())
                        .isEqualTo(ServerFailureException.Kind.TIMEOUT))
                .hasMessageStartingWith("llama-server did not become ready within 1 s (last /health: 503)");
        assertThat(server.isHealthy()).isFalse();
        assertThat(LlamaCppServer.portAnswers(plan)).isFalse();
        server.stop();
    }

    @Test
    void aMissingModelFileIsADeathWithoutOutOfMemoryAndABusyPortIsRefused() throws Exception {
        FakeBin fakes = FakeBin.create(tmp);
        int port = freePort();
        LlamaCppServer server = server(fakes, Map.of(), "", port);
        SweepPlan plan = SweepPlan.parse(
                "{\"models\": [{\"name\": \"gone\", \"gguf\": \"gone.gguf\", \"tokenizer\": \"t\"}]}", "p", tmp);
        assertThatThrownBy(() -> server.start(plan.models().get(0), tmp.resolve("logs")))
                .isInstanceOfSatisfying(ServerFailureException.class, e -> assertThat(e.kind())
                        .isEqualTo(ServerFailureException.Kind.DIED))
                .hasMessageStartingWith("llama-server died while loading gone (exit code 1); log:")
                .hasMessageContaining("main: exiting due to model loading error");

        try (ServerSocket busy = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> server.start(plan.models().get(0), tmp.resolve("logs")))
                    .isInstanceOfSatisfying(ServerFailureException.class, e -> assertThat(e.kind())
                            .isEqualTo(ServerFailureException.Kind.PORT_IN_USE))
                    .hasMessage("port " + port + " on 127.0.0.1 already accepts connections; the driver does not stop"
                            + " servers it did not start. Stop it, or choose another port in the plan.");
        }
        assertThat(fakes.invocations("llama-server")).hasSize(1);
        assertThatThrownBy(server::restart).isInstanceOf(ServerFailureException.class);
    }
}
