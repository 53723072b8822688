package io.github.tokjoule.tegrastats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real tegrastats files of {@code src/test/resources/corpus} (see the SOURCES.md there). */
final class Corpus {

    static final String AGX_ORIN_LONG = "abdel-e-agx-orin-64gb-r36-long.log";
    static final String TX2_LONG = "ssaraff98-tx2-long.log";

    private Corpus() {}

    static Path dir() {
        URL url = Corpus.class.getResource("/corpus/SOURCES.md");
        if (url == null) {
            throw new IllegalStateException("corpus/SOURCES.md not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static List<Path> logs() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".log")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TegrastatsSample> samples(String name) {
        try (TegrastatsReader r = TegrastatsReader.open(file(name))) {
            List<TegrastatsSample> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TegrastatsSample first(String name) {
        return samples(name).get(0);
    }
}
