package io.github.tokjoule.jetson.driver.fakes;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake {@code llama-server}: a real HTTP server answering {@code /health} (503 "Loading model" for
 * $FAKE_LLAMA_LOAD_MILLIS ms, default 50, then 200 {@code {"status":"ok"}}), {@code /v1/models} and
 * {@code /v1/chat/completions} (see {@link FakeChat}). Switches:
 *
 * <ul>
 *   <li>$FAKE_LLAMA_OOM_MODELS: GGUF file names that fail to load with the Jetson's out-of-memory lines;
 *   <li>$FAKE_LLAMA_DIE_AFTER = {@code <gguf file name>:<n>}: that model's first server process exits after serving
 *       n chat requests (a crash mid-sweep; a restarted server does not crash again).
 * </ul>
 */
public final class FakeLlamaServer {

    private static final Set<String> FLAGS_WITH_VALUE =
            Set.of("-m", "--host", "--port", "-ngl", "--parallel", "-c", "--cache-ram");
    private static final Set<String> FLAGS = Set.of("--no-cache-prompt");

    private FakeLlamaServer() {}

    public static void main(String[] args) throws Exception {
        FakeSupport.record("llama-server", args);
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("version: 5290 (ef570f630)");
            System.out.println("built with cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0 for aarch64-linux-gnu");
            return;
        }
        for (int i = 0; i < args.length; i++) {
            if (FLAGS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!FLAGS.contains(args[i])) {
                System.out.println("error: invalid argument: " + args[i]);
                System.exit(1);
            }
        }
        Path gguf = Path.of(FakeSupport.value(args, "-m"));
        String host = FakeSupport.value(args, "--host");
        int port = Integer.parseInt(FakeSupport.value(args, "--port"));
        System.out.println("build: 5290 (ef570f630) with cc for aarch64-linux-gnu");
        System.out.println("system info: n_threads = 6, n_threads_batch = 6, total_threads = 6");
        System.out.println("llama_model_loader: loaded meta data from " + gguf);
        if (!Files.isRegularFile(gguf)) {
            System.out.println("gguf_init_from_file: failed to open GGUF file '" + gguf + "'");
            System.out.println("main: exiting due to model loading error");
            System.exit(1);
        }
        String name = String.valueOf(gguf.getFileName());
        if (FakeSupport.envList("FAKE_LLAMA_OOM_MODELS").contains(name)) {
            System.out.println("llama_model_load_from_file_impl: using device CUDA0 (Orin) - 3012 MiB free");
            System.out.println("NvMapMemAllocInternalTagged: 1075072515 error 12");
            System.out.println("ggml_backend_cuda_buffer_type_alloc_buffer: allocating 2306.00 MiB on device 0:"
                    + " cudaMalloc failed: out of memory");
            System.out.println("llama_model_load: error loading model: unable to allocate CUDA0 buffer");
            System.out.println("main: exiting due to model loading error");
            System.exit(1);
        }
        int dieAfter = Integer.MAX_VALUE;
        for (String spec : FakeSupport.envList("FAKE_LLAMA_DIE_AFTER")) {
            String[] parts = spec.split(":");
            if (parts[0].equals(name) && FakeSupport.firstTime("died-" + name)) {
                dieAfter = Integer.parseInt(parts[1]);
            }
        }
        long readyAt = System.currentTimeMillis()
                + Long.parseLong(FakeSupport.env("FAKE_LLAMA_LOAD_MILLIS").orElse("50"));
        AtomicInteger served = new AtomicInteger();
        int limit = dieAfter;
        Path requestLog = Path.of(FakeSupport.env("FAKE_LOG_DIR").orElse(System.getProperty("java.io.tmpdir")))
                .resolve("chat-requests.jsonl");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", ex -> {
            if (System.currentTimeMillis() < readyAt) {
                FakeChat.send(
                        ex,
                        503,
                        "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}");
            } else {
                FakeChat.send(ex, 200, "{\"status\":\"ok\"}");
            }
        });
        server.createContext(
                "/v1/models",
                ex -> FakeChat.send(
                        ex,
                        200,
                        "{\"object\":\"list\",\"data\":[{\"id\":\"" + name
                                + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"llamacpp\"}]}"));
        server.createContext("/v1/chat/completions", ex -> {
            FakeChat.handle(ex, name, requestLog);
            System.out.println("srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200");
            if (served.incrementAndGet() >= limit) {
                System.out.println("fake llama-server: simulated crash after " + limit + " requests");
                System.out.flush();
                Runtime.getRuntime().halt(134);
            }
        });
        server.start();
        System.out.println("main: server is listening on http://" + host + ":" + port + " - starting the main loop");
        System.out.flush();
    }
}
