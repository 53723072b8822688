package io.github.tokjoule.jetson.driver.fakes;

import com.sun.net.httpserver.HttpExchange;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible {@code /v1/chat/completions} of the fake servers: non-streaming, or streaming as
 * server-sent events ({@code data: <chunk>} lines, then {@code data: [DONE]}), like llama-server and Ollama.
 *
 * <p>Output length: {@code max_completion_tokens} or {@code max_tokens} (default 16). Without
 * {@code ignore_eos: true} the fake "meets EOS" at 3/4 of that (early EOS, as llama.cpp did in the seed's sweep); with
 * it, exactly the maximum (or {@code min_tokens} if larger). $FAKE_TOKEN_MILLIS delays each token (default 1 ms).
 */
final class FakeChat {

    private FakeChat() {}

    /** Handles one request; returns false if the body was not understood. */
    @SuppressWarnings("unchecked")
    static void handle(HttpExchange exchange, String owner, Path requestLog) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> req;
        try {
            req = (Map<String, Object>) JsonTree.parse(body);
        } catch (JsonTree.SyntaxException | ClassCastException e) {
            send(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"bad json\"}}");
            return;
        }
        FakeSupport.appendLine(requestLog, JsonTree.write(req, false));
        int max = number(req.get("max_completion_tokens"), number(req.get("max_tokens"), 16));
        boolean ignoreEos = Boolean.TRUE.equals(req.get("ignore_eos"));
        int min = number(req.get("min_tokens"), 0);
        int tokens = ignoreEos ? Math.max(max, min) : Math.max(1, max * 3 / 4);
        String finish = ignoreEos || tokens == max ? "length" : "stop";
        long delay = Long.parseLong(FakeSupport.env("FAKE_TOKEN_MILLIS").orElse("1"));
        String model = String.valueOf(req.getOrDefault("model", owner));
        int promptTokens = words(req);
        if (!Boolean.TRUE.equals(req.get("stream"))) {
            sleep(delay * tokens);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", "tok ".repeat(tokens).strip());
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("finish_reason", finish);
            choice.put("index", 0L);
            choice.put("message", message);
            Map<String, Object> resp = new LinkedHashMap<>();
            resp.put("choices", List.of(choice));
            resp.put("created", System.currentTimeMillis() / 1000);
            resp.put("model", model);
            resp.put("object", "chat.completion");
            resp.put("usage", usage(promptTokens, tokens));
            resp.put("id", "chatcmpl-fake");
            send(exchange, 200, JsonTree.write(resp, false));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            sleep(delay * 2L);
            write(out, chunk(model, Map.of("role", "assistant", "content", ""), null, null));
            for (int i = 0; i < tokens; i++) {
                sleep(delay);
                write(out, chunk(model, Map.of("content", " tok"), null, null));
            }
            write(out, chunk(model, Map.of(), finish, usage(promptTokens, tokens)));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static int words(Map<String, Object> req) {
        Object messages = req.get("messages");
        if (messages instanceof List && !((List<?>) messages).isEmpty()) {
            Object first = ((List<?>) messages).get(0);
            if (first instanceof Map && ((Map<?, ?>) first).get("content") instanceof String) {
                return ((String) ((Map<?, ?>) first).get("content")).split("\\s+").length;
            }
        }
        return 0;
    }

    private static Map<String, Object> usage(int prompt, int completion) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("completion_tokens", (long) completion);
        u.put("prompt_tokens", (long) prompt);
        u.put("total_tokens", (long) (prompt + completion));
        return u;
    }

    private static String chunk(String model, Map<String, Object> delta, String finish, Map<String, Object> usage) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("finish_reason", finish == null ? JsonTree.NULL : finish);
        choice.put("index", 0L);
        choice.put("delta", delta);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("choices", List.of(choice));
        c.put("created", System.currentTimeMillis() / 1000);
        c.put("id", "chatcmpl-fake");
        c.put("model", model);
        c.put("object", "chat.completion.chunk");
        if (usage != null) {
            c.put("usage", usage);
        }
        return JsonTree.write(c, false);
    }

    private static void write(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static int number(Object value, int dflt) {
        return value instanceof Number ? ((Number) value).intValue() : dflt;
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
