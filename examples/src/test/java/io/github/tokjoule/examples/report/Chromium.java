package io.github.tokjoule.examples.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket, with the JDK's own client): no Selenium,
 * no chromedriver. Collects uncaught exceptions, console errors and log errors of the page as they happen.
 */
final class Chromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, String>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, String>> events = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Finds the browser: {@code $CHROMIUM}, else {@code chromium}, {@code chromium-browser} or {@code google-chrome}
     * on the {@code PATH}.
     *
     * @return its path, or empty if none is installed
     */
    static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finds Chromium for a page test, or ends the test: skipped where none is installed, failed where {@code CI=true}
     * (CI must run the browser tests; {@code .ci/run} installs the browser).
     *
     * @return the browser's path
     */
    static Path findOrSkip() {
        Optional<Path> binary = find();
        if (binary.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.assertj.core.api.Assertions.fail(
                        "CI=true but no Chromium on the PATH: apt-get install -y chromium (or set CHROMIUM)");
            }
            org.junit.jupiter.api.Assumptions.abort(
                    "no Chromium on the PATH (apt-get install -y chromium); skipped outside CI");
        }
        return binary.orElseThrow();
    }

    /**
     * Starts Chromium with a fresh profile, opens a page and lets it settle.
     *
     * @param binary the browser ({@link #findOrSkip()})
     * @param page the page to open
     * @param profile an empty directory for the profile
     * @return the browser, showing the page
     * @throws Exception if the browser does not start or the page does not open
     */
    static Chromium showing(Path binary, URI page, Path profile) throws Exception {
        Chromium browser = start(binary, profile);
        browser.open(page);
        settle();
        return browser;
    }

    /**
     * Starts the browser headless with a fresh profile and attaches to its first page.
     *
     * @param binary the browser
     * @param profile an empty directory for the profile
     * @return the browser
     * @throws Exception if it does not start
     */
    static Chromium start(Path binary, Path profile) throws Exception {
        Process p = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,1000",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String ws = null;
        StringBuilder seen = new StringBuilder();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; ws == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                ws = m.group(1);
            }
        }
        if (ws == null) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not start: " + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // Keep the pipe from filling up.
                }
            } catch (IOException e) {
                // The browser is gone.
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(ws);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(
                        HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher page = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"")
                .matcher(list);
        if (!page.find()) {
            p.destroyForcibly();
            throw new IllegalStateException("no page target in " + list);
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(page.group(1)), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            while (self[0] == null) {
                                Thread.onSpinWait();
                            }
                            self[0].receive(message);
                        }
                        w.request(1);
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        Chromium c = new Chromium(p, socket);
        self[0] = c;
        c.send("Runtime.enable", "{}");
        c.send("Log.enable", "{}");
        c.send("Page.enable", "{}");
        return c;
    }

    private void receive(String message) {
        Map<String, String> m = flat(message);
        String id = m.get("id");
        if (id != null) {
            CompletableFuture<Map<String, String>> f = pending.remove(Integer.parseInt(id));
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        events.add(m);
        String method = m.getOrDefault("method", "");
        if (method.equals("Runtime.exceptionThrown")) {
            errors.add("exception: "
                    + m.getOrDefault(
                            "params.exceptionDetails.exception.description",
                            m.getOrDefault("params.exceptionDetails.text", message)));
        } else if (method.equals("Runtime.consoleAPICalled") && "error".equals(m.get("params.type"))) {
            errors.add("console.error: " + message);
        } else if (method.equals("Log.entryAdded") && "error".equals(m.get("params.entry.level"))) {
            errors.add("log error: " + m.getOrDefault("params.entry.text", message));
        }
    }

    /**
     * Sends a command and waits for its answer.
     *
     * @param method e.g. {@code Page.navigate}
     * @param params the parameters as a JSON object
     * @return the answer, flattened to dotted keys
     * @throws Exception if it fails or times out
     */
    Map<String, String> send(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, String>> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true)
                .get(30, TimeUnit.SECONDS);
        Map<String, String> answer = f.get(60, TimeUnit.SECONDS);
        if (answer.containsKey("error.message")) {
            throw new IllegalStateException(method + ": " + answer.get("error.message"));
        }
        return answer;
    }

    /**
     * Opens a page and waits until it has loaded.
     *
     * @param url the page
     * @throws Exception if it does not load in 60 s
     */
    void open(URI url) throws Exception {
        int before = events.size();
        send("Page.navigate", "{\"url\":" + quote(url.toString()) + "}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (int i = before; i < events.size(); i++) {
                if ("Page.loadEventFired".equals(events.get(i).get("method"))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("page did not load: " + url);
    }

    /**
     * Evaluates a script in the page.
     *
     * @param expression the JavaScript expression; its value must be a string
     * @return the string
     * @throws Exception if the script throws
     */
    String eval(String expression) throws Exception {
        Map<String, String> r = send(
                "Runtime.evaluate",
                "{\"expression\":" + quote(expression) + ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (r.containsKey("result.exceptionDetails.text")) {
            throw new IllegalStateException(
                    "script failed: " + r.getOrDefault("result.exceptionDetails.exception.description", r.toString()));
        }
        return r.getOrDefault("result.result.value", "");
    }

    /** {@return the page's uncaught exceptions, console errors and log errors so far} */
    List<String> errors() {
        return new ArrayList<>(errors);
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing anyway.
        }
        // Chromium's helpers (renderer, GPU, crashpad) can outlive the browser process and keep writing the profile,
        // which then cannot be deleted with its temporary directory: end and await them all.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                helper.destroyForcibly();
                helper.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A JSON message's scalar leaves by dotted path (array elements by index). */
    static Map<String, String> flat(String json) {
        try {
            return JsonLeaves.parse(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    /** Waits briefly so that late events (a script error after load) arrive. */
    static void settle() throws InterruptedException {
        Thread.sleep(Duration.ofMillis(300).toMillis());
    }
}
