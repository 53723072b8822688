package io.github.tokjoule.jetson.driver.fakes;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A temporary {@code bin} directory of fake Jetson tools — each a shell wrapper that runs
 * {@code java -cp <test class path> <FakeMain> "$@"} with {@code exec}, so the process the driver starts is the fake
 * itself — plus {@code sudo}, a shell script that logs its arguments and {@code exec}s the rest. Put
 * {@link #environment(Map)} on the process runner: it puts this directory first on {@code PATH} and sets the fakes'
 * log and state directories.
 */
public final class FakeBin {

    /** Tool name → main class. */
    public static final Map<String, Class<?>> TOOLS = Map.of(
            "nvpmodel", FakeNvpmodel.class,
            "jetson_clocks", FakeJetsonClocks.class,
            "tegrastats", FakeTegrastats.class,
            "llama-server", FakeLlamaServer.class,
            "ollama", FakeOllama.class,
            "aiperf", FakeAiperf.class);

    private final Path bin;
    private final Path logDir;
    private final Path stateDir;

    private FakeBin(Path root) {
        this.bin = root.resolve("bin");
        this.logDir = root.resolve("fake-log");
        this.stateDir = root.resolve("fake-state");
    }

    /**
     * Creates the directory.
     *
     * @param root a temporary directory
     * @return the fakes
     */
    public static FakeBin create(Path root) {
        FakeBin fakes = new FakeBin(root);
        try {
            Files.createDirectories(fakes.bin);
            Files.createDirectories(fakes.logDir);
            Files.createDirectories(fakes.stateDir);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            for (Map.Entry<String, Class<?>> tool : TOOLS.entrySet()) {
                fakes.script(
                        tool.getKey(),
                        "#!/bin/sh\nexec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
                                + " -XX:-UsePerfData -Xmx96m -cp " + quote(cp) + " "
                                + tool.getValue().getName()
                                + " \"$@\"\n");
            }
            fakes.script(
                    "sudo",
                    "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$FAKE_LOG_DIR/sudo.log\"\n"
                            + "if [ \"$1\" = \"-n\" ]; then shift; fi\nexec \"$@\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fakes;
    }

    private void script(String name, String text) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Returns the environment for the process runner: {@code PATH} with the fakes first, the fakes' directories,
     * and the given switches.
     *
     * @param switches behaviour switches, e.g. {@code FAKE_LLAMA_OOM_MODELS}
     * @return the environment
     */
    public Map<String, String> environment(Map<String, String> switches) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FAKE_LOG_DIR", logDir.toString());
        env.put("FAKE_STATE_DIR", stateDir.toString());
        env.putAll(switches);
        return env;
    }

    public Path bin() {
        return bin;
    }

    public Path logDir() {
        return logDir;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** One recorded run of a fake. */
    public record Invocation(String tool, List<String> argv, long pid) {
        /** The program name followed by its arguments. */
        public List<String> commandLine() {
            List<String> all = new ArrayList<>();
            all.add(tool);
            all.addAll(argv);
            return all;
        }
    }

    /**
     * Returns every recorded run of the fakes, in order.
     *
     * @return the invocations
     */
    @SuppressWarnings("unchecked")
    public List<Invocation> invocations() {
        Path file = logDir.resolve("invocations.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Invocation> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Map<String, Object> m = (Map<String, Object>) JsonTree.parse(line);
                out.add(new Invocation(
                        (String) m.get("tool"),
                        ((List<Object>) m.get("argv"))
                                .stream().map(String::valueOf).collect(Collectors.toList()),
                        (Long) m.get("pid")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonTree.SyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the recorded runs of one tool.
     *
     * @param tool the tool
     * @return its invocations
     */
    public List<Invocation> invocations(String tool) {
        return invocations().stream().filter(i -> i.tool().equals(tool)).collect(Collectors.toList());
    }

    /**
     * Returns the lines {@code sudo} logged (its arguments, space-separated).
     *
     * @return the lines
     */
    public List<String> sudoLines() {
        Path file = logDir.resolve("sudo.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the chat requests the fake servers received (bodies as JSON trees).
     *
     * @return the requests
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> chatRequests() {
        Path file = logDir.resolve("chat-requests.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.add((Map<String, Object>) JsonTree.parse(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonTree.SyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
