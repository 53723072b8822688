package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is built in one parallel pass and its files are written on two threads: the bytes must not depend on
 * that. Each sample is built and written both ways, several times, and every file compared byte for byte.
 */
class ReportWriterThreadsTest {

    @TempDir
    Path dir;

    @Test
    void parallelAndSerialReportsAreTheSameFilesByteForByte() throws IOException {
        for (ReportData data : List.of(SampleData.create(), SampleData.create(1, true), SampleData.create(3, false))) {
            Map<String, byte[]> serial = files(ReportWriter.write(ReportWriter.build(data, false), fresh(), false));
            assertThat(serial).containsKeys("index.html", "report.md", "cells.csv");
            assertThat(serial.keySet()).anyMatch(f -> f.startsWith("charts/")).anyMatch(f -> f.startsWith("tables/"));
            for (int run = 0; run < 3; run++) {
                Map<String, byte[]> parallel = files(ReportWriter.write(ReportWriter.build(data, true), fresh(), true));
                assertThat(parallel.keySet()).isEqualTo(serial.keySet());
                for (String f : serial.keySet()) {
                    assertThat(parallel.get(f)).as(f).isEqualTo(serial.get(f));
                }
            }
        }
    }

    @Test
    void aFailureOnTheFilesThreadIsThrownAsItWouldBeOnOneThread() throws IOException {
        Report report = ReportWriter.build(SampleData.create(), true);
        Path one = fresh();
        Files.createDirectories(one.resolve("report.md")); // a directory where the file goes
        Throwable serial = catchThrowable(() -> ReportWriter.write(report, one, false));
        Path two = fresh();
        Files.createDirectories(two.resolve("report.md"));
        Throwable parallel = catchThrowable(() -> ReportWriter.write(report, two, true));
        assertThat(serial).isInstanceOf(IOException.class);
        assertThat(parallel).isExactlyInstanceOf(serial.getClass());
        assertThat(parallel.getMessage()).isEqualTo(serial.getMessage().replace(one.toString(), two.toString()));
        // the page was written on this thread meanwhile, completely
        assertThat(Files.readString(two.resolve("index.html"))).isEqualTo(Files.readString(one.resolve("index.html")));
    }

    @Test
    void aFailureOfThePageWaitsForTheOtherFilesAndIsThrown() throws IOException {
        Report report = ReportWriter.build(SampleData.create(), true);
        Path out = fresh();
        Files.createDirectories(out.resolve("index.html"));
        Throwable parallel = catchThrowable(() -> ReportWriter.write(report, out, true));
        assertThat(parallel).isInstanceOf(IOException.class);
        assertThat(parallel.getMessage()).contains("index.html");
        // the other thread had finished: report.md is complete
        assertThat(Files.readString(out.resolve("report.md"))).isNotEmpty();
        assertThat(out.resolve("cells.csv")).isRegularFile();
    }

    private int n;

    private Path fresh() {
        return dir.resolve("out" + n++);
    }

    private static Map<String, byte[]> files(ReportWriter.Written w) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        Path root = w.directory();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
