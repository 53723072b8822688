package io.github.tokjoule.live.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the fake tool scripts out of the test resources into a directory and makes them executable. */
final class FakeTools {

    private FakeTools() {}

    static Path install(Path dir, String name) throws IOException {
        String[] files = {name, "tegrastats-orin.log", "h100-help-query-gpu.txt", "h100-query-100ms-nounits.csv"};
        for (String file : files) {
            try (InputStream in = FakeTools.class.getResourceAsStream("/fake/" + file)) {
                if (in == null) {
                    throw new IOException("test resource /fake/" + file + " is missing");
                }
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path tool = dir.resolve(name);
        if (!tool.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + tool + " executable");
        }
        return tool;
    }
}
