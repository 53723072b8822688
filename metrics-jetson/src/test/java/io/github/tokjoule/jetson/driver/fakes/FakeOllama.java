package io.github.tokjoule.jetson.driver.fakes;

import com.sun.net.httpserver.HttpServer;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Fake {@code ollama}: {@code serve} (HTTP on $OLLAMA_HOST: {@code /api/tags}, {@code /api/generate} for warm-up and
 * {@code keep_alive: 0}, {@code /v1/chat/completions}), {@code create NAME -f FILE} (registers the Modelfile in the
 * state directory after checking its {@code FROM} file exists), {@code stop NAME}, {@code --version}.
 * $FAKE_OLLAMA_OOM_MODELS lists model names whose load fails with a CUDA out-of-memory error.
 */
public final class FakeOllama {

    private FakeOllama() {}

    static Path registry() throws java.io.IOException {
        Path dir = FakeSupport.stateDir().resolve("ollama-models");
        Files.createDirectories(dir);
        return dir;
    }

    public static void main(String[] args) throws Exception {
        FakeSupport.record("ollama", args);
        String hostPort = FakeSupport.env("OLLAMA_HOST").orElse("127.0.0.1:11434");
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("ollama version is 0.6.5");
            return;
        }
        if (args.length == 4 && args[0].equals("create") && args[2].equals("-f")) {
            String modelfile = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);
            String from = modelfile
                    .lines()
                    .filter(l -> l.startsWith("FROM "))
                    .findFirst()
                    .map(l -> l.substring(5).strip())
                    .orElse("");
            if (!Files.isRegularFile(Path.of(from))) {
                System.out.println("Error: invalid model reference: " + from);
                System.exit(1);
            }
            Files.writeString(registry().resolve(args[1]), modelfile, StandardCharsets.UTF_8);
            System.out.println("gathering model components");
            System.out.println("success");
            return;
        }
        if (args.length == 2 && args[0].equals("stop")) {
            return;
        }
        if (args.length == 1 && args[0].equals("serve")) {
            serve(hostPort);
            return;
        }
        System.out.println("Error: unknown command " + String.join(" ", args));
        System.exit(1);
    }

    @SuppressWarnings("unchecked")
    private static void serve(String hostPort) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        HttpServer server = HttpServer.create(
                new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                16);
        server.setExecutor(Executors.newFixedThreadPool(4));
        Path requestLog = Path.of(FakeSupport.env("FAKE_LOG_DIR").orElse(System.getProperty("java.io.tmpdir")))
                .resolve("chat-requests.jsonl");
        server.createContext("/api/tags", ex -> FakeChat.send(ex, 200, "{\"models\":[]}"));
        server.createContext("/api/generate", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> req;
            try {
                req = (Map<String, Object>) JsonTree.parse(body);
            } catch (JsonTree.SyntaxException e) {
                FakeChat.send(ex, 400, "{\"error\":\"bad json\"}");
                return;
            }
            String model = String.valueOf(req.get("model"));
            if (!Files.exists(registry().resolve(model))) {
                FakeChat.send(ex, 404, "{\"error\":\"model '" + model + "' not found\"}");
                return;
            }
            if (FakeSupport.envList("FAKE_OLLAMA_OOM_MODELS").contains(model)) {
                FakeChat.send(
                        ex,
                        500,
                        "{\"error\":\"llama runner process has terminated: cudaMalloc failed: out of" + " memory\"}");
                return;
            }
            FakeChat.send(ex, 200, "{\"model\":\"" + model + "\",\"response\":\"hi\",\"done\":true}");
        });
        server.createContext("/v1/chat/completions", ex -> FakeChat.handle(ex, "ollama", requestLog));
        server.start();
        System.out.println("Listening on " + hostPort + " (version 0.6.5)");
        System.out.flush();
    }
}
