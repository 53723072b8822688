package io.github.tokjoule.aiperf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Test resources: the copied corpus ({@code corpus/}) and hand-written fixtures ({@code fixtures/}). */
final class TestFiles {

    static final String LEGACY = "corpus/ai-dynamo_v01-records-format-profile-export-aiperf.json";
    static final String PLOT_SUMMARY = "corpus/ai-dynamo_plot-fixture-qwen-c1-profile-export-aiperf.json";
    static final String PLOT_RECORDS = "corpus/ai-dynamo_plot-fixture-qwen-c1-profile-export.jsonl";
    static final String PLOT_TELEMETRY = "corpus/ai-dynamo_plot-fixture-qwen-c1-gpu-telemetry-export.jsonl";
    static final String ANUD18 = "corpus/anud18_aiperf-0.10-qwen36-nvfp4-chatbot-c8-profile-export-aiperf.json";

    static final ZoneId UTC = ZoneId.of("UTC");

    private TestFiles() {}

    /** {@return the records files the record readers are checked on: the corpus's, its scalars-only copy, a fixture} */
    static java.util.List<String> recordFiles() {
        return java.util.List.of(
                PLOT_RECORDS,
                "corpus/derived/ai-dynamo_plot-fixture-llama-c4-profile-export.scalars.jsonl",
                "fixtures/errors-and-phases.jsonl");
    }

    static Path path(String resource) {
        URL url = TestFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String resource) {
        try {
            return Files.readAllBytes(path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static AiperfProfile profile(String resource, ZoneId zone) {
        try {
            return AiperfProfile.read(path(resource), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AiperfProfile json(String json) {
        return json(json, UTC);
    }

    static AiperfProfile json(String json, ZoneId zone) {
        try {
            return AiperfProfile.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
