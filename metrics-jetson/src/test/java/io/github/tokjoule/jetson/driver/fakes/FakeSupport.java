package io.github.tokjoule.jetson.driver.fakes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Shared helpers of the fake executables: environment switches, the invocation log, the state directory. */
final class FakeSupport {

    static final JsonFactory JSON = new JsonFactory();

    private FakeSupport() {}

    static Optional<String> env(String name) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    static List<String> envList(String name) {
        return env(name).map(v -> Arrays.asList(v.split(","))).orElse(List.of());
    }

    static Path stateDir() {
        Path dir = Path.of(env("FAKE_STATE_DIR").orElse(System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Appends {"tool":..,"argv":[..]} to $FAKE_LOG_DIR/invocations.jsonl. */
    static void record(String tool, String[] args) {
        Optional<String> dir = env("FAKE_LOG_DIR");
        if (dir.isEmpty()) {
            return;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("tool", tool);
            g.writeArrayFieldStart("argv");
            for (String a : args) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeNumberField("pid", ProcessHandle.current().pid());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appendLine(Path.of(dir.get(), "invocations.jsonl"), out.toString());
    }

    static synchronized void appendLine(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    (line + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims a one-time marker; true the first time only (atomic create). */
    static boolean firstTime(String marker) {
        try {
            Files.createFile(stateDir().resolve(marker));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String value(String[] args, String flag) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + flag + " in " + Arrays.toString(args));
    }
}
