package io.github.tokjoule.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.RequestRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming a synthetic {@code profile_export.jsonl} of at least 100 MB (records shaped like the corpus ones: aiperf
 * 0.3 metadata, eleven metrics, a 256-value inter-chunk latency list, compact separators as aiperf writes them)
 * through {@link AiperfRecords}, against two baselines measured in the same run on the same file:
 * {@code BufferedReader.lines().count()} (read and decode the bytes) and Jackson's raw tokenizer over the whole file
 * (every token, no number conversion). Each operation reads the whole file, so MB/s = file size / time per operation.
 *
 * <p>Run with {@code -jvmArgs -Xmx64m} to show that memory does not grow with the file: the file is larger than the
 * heap. The teardown prints the peak heap use of each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AiperfRecordsBenchmark {

    /** Target file size in megabytes (10^6 bytes). */
    @Param({"100"})
    int megabytes;

    private Path file = Path.of("");
    private long bytes;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("aiperf-records-bench", ".jsonl");
        Random rnd = new Random(42);
        long target = megabytes * 1_000_000L;
        long start = 1_762_551_534_797_067_827L;
        StringBuilder sb = new StringBuilder(8192);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int session = 0;
            while (bytes < target) {
                sb.setLength(0);
                start = record(sb, rnd, session++, start);
                w.write(sb.toString());
                bytes += sb.length(); // ASCII only: one byte per char
            }
        }
        System.out.printf("%n[setup] %s: %,d bytes, %,d records%n", file, Files.size(file), countLines());
    }

    private long countLines() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().count();
        }
    }

    /** One record like the corpus ones (ai-dynamo plot fixture), 256 inter-chunk gaps. */
    private static long record(StringBuilder sb, Random rnd, int session, long start) {
        int gaps = 256;
        double ttft = ms(rnd, 28_000_000, 6_000_000);
        double[] icl = new double[gaps];
        double sum = 0;
        for (int i = 0; i < gaps; i++) {
            icl[i] = ms(rnd, 16_500_000, 3_000_000);
            sum += icl[i];
        }
        double rl = ttft + sum;
        int osl = gaps + 1;
        double itl = (rl - ttft) / (osl - 1);
        long end = start + (long) (rl * 1e6) + 30_000;
        sb.append("{\"metadata\":{\"session_num\":")
                .append(session)
                .append(",\"x_request_id\":\"")
                .append(new UUID(rnd.nextLong(), rnd.nextLong()))
                .append("\",\"x_correlation_id\":\"")
                .append(new UUID(rnd.nextLong(), rnd.nextLong()))
                .append("\",\"conversation_id\":null,\"turn_index\":0,\"request_start_ns\":")
                .append(start)
                .append(",\"request_ack_ns\":")
                .append(start + 10_190_613)
                .append(",\"request_end_ns\":")
                .append(end)
                .append(",\"worker_id\":\"worker_416f5670\",\"record_processor_id\":\"record_processor_63b1a30c\","
                        + "\"benchmark_phase\":\"profiling\",\"was_cancelled\":false,\"cancellation_time_ns\":null},"
                        + "\"metrics\":{\"output_sequence_length\":{\"value\":")
                .append(osl)
                .append(",\"unit\":\"tokens\"},\"input_sequence_length\":{\"value\":100,\"unit\":\"tokens\"},"
                        + "\"time_to_first_token\":{\"value\":")
                .append(ttft)
                .append(",\"unit\":\"ms\"},\"output_token_count\":{\"value\":")
                .append(osl)
                .append(",\"unit\":\"tokens\"},\"time_to_second_token\":{\"value\":")
                .append(icl[0])
                .append(",\"unit\":\"ms\"},\"request_latency\":{\"value\":")
                .append(rl)
                .append(",\"unit\":\"ms\"},\"time_to_first_output_token\":{\"value\":")
                .append(ttft)
                .append(",\"unit\":\"ms\"},\"inter_chunk_latency\":{\"value\":[");
        for (int i = 0; i < gaps; i++) {
            sb.append(i == 0 ? "" : ",").append(icl[i]);
        }
        sb.append("],\"unit\":\"ms\"},\"prefill_throughput\":{\"value\":")
                .append(100 / (ttft / 1e3))
                .append(",\"unit\":\"tokens/sec\"},\"inter_token_latency\":{\"value\":")
                .append(itl)
                .append(",\"unit\":\"ms\"},\"output_token_throughput_per_user\":{\"value\":")
                .append(1e3 / itl)
                .append(",\"unit\":\"tokens/sec/user\"}},\"error\":null}\n");
        return end + 2_000_000;
    }

    /** A latency in milliseconds from a whole number of nanoseconds, as aiperf derives them. */
    private static double ms(Random rnd, int baseNanos, int spreadNanos) {
        return (baseNanos + rnd.nextInt(spreadNanos)) / 1e6;
    }

    @TearDown(Level.Iteration)
    public void printPeakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        System.out.printf(
                "[heap] peak %.1f MB of max %.1f MB%n",
                peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Baseline: read and decode every line, no parsing. */
    @Benchmark
    public long baselineLinesCount() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().count();
        }
    }

    /** Baseline: Jackson's tokenizer over every token of the file, values not converted. */
    @Benchmark
    public long baselineJacksonTokens() throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens += t.id();
            }
        }
        return tokens;
    }

    /** The reader: every record with its metadata, metrics converted by unit and the 256-value list. */
    @Benchmark
    public double readRecords() throws IOException {
        double acc = 0;
        try (AiperfRecords records = AiperfRecords.open(file)) {
            for (RequestRecord r : records) {
                acc += r.timeToFirstTokenMillis()
                        + r.metrics().size()
                        + r.requestStartEpochNanos().orElse(0) % 7;
            }
            if (records.report().records() == 0 || !records.report().isClean()) {
                throw new IllegalStateException("unexpected report: " + records.report());
            }
        }
        return acc;
    }
}
