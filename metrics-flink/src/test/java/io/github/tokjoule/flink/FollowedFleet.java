package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.RequestTimeline;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet whose files grow while a job follows them: boards {@code a} and {@code b} send the {@link Ramp} board's
 * samples (a live log, CSV) and requests (aiperf records, each written when it ends, as aiperf does) for 60 s of event
 * time; board {@code quiet}'s power log stops at 20 s while its requests go on to 30 s. Event time runs {@code
 * millisPerSecond} times faster than the wall clock. Every write leaves the last few bytes of the text for the next
 * one, so that readers meet partial last lines. Every event written is also kept, in order, for the bounded reference.
 */
final class FollowedFleet implements Runnable {

    static final String RAIL = "VDD_IN";
    static final CellId CELL = CellId.of("ramp-model", "25W", "unknown", 128, 64);
    static final List<String> BOARDS = List.of("a", "b", "quiet");

    private final Path root;
    private final long millisPerSecond;
    final List<BoardEvent> written = Collections.synchronizedList(new ArrayList<>());

    FollowedFleet(Path root, long millisPerSecond) {
        this.root = root;
        this.millisPerSecond = millisPerSecond;
    }

    static Path powerLog(Path root, String board) {
        return root.resolve(board).resolve("power.csv");
    }

    static Path requestLog(Path root, String board) {
        return root.resolve(board)
                .resolve(CELL.modeLabel())
                .resolve(CELL.model())
                .resolve("gen" + CELL.targetOutputTokens())
                .resolve("ctx" + CELL.targetInputTokens())
                .resolve(FollowSource.REQUESTS_FILE);
    }

    /** One aiperf profiling record: times in ns, TTFT in ms (300 ms, exact in both). */
    static String record(RequestTimeline r) {
        return "{\"metadata\":{\"request_start_ns\":" + r.startEpochNanos() + ",\"request_end_ns\":"
                + r.endEpochNanos() + ",\"benchmark_phase\":\"profiling\"},\"metrics\":{"
                + "\"input_sequence_length\":{\"value\":100,\"unit\":\"tokens\"},"
                + "\"output_sequence_length\":{\"value\":50,\"unit\":\"tokens\"},"
                + "\"time_to_first_token\":{\"value\":"
                + (r.firstTokenEpochNanos() - r.startEpochNanos()) / 1e6 + ",\"unit\":\"ms\"}}}\n";
    }

    @Override
    public void run() {
        try {
            write();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write() throws IOException, InterruptedException {
        Map<Path, Writer> files = new LinkedHashMap<>();
        Map<Path, String> carry = new LinkedHashMap<>();
        for (String board : BOARDS) {
            Files.createDirectories(requestLog(root, board).getParent());
            Writer p = Files.newBufferedWriter(powerLog(root, board), StandardCharsets.UTF_8);
            p.write("# tokjoule live log 1\n# rail hwmon/" + RAIL + " power " + Ramp.STEP_NANOS
                    + "\nepoch_nanos,source,rail,watts,joules\n");
            p.flush();
            files.put(powerLog(root, board), p);
            files.put(
                    requestLog(root, board), Files.newBufferedWriter(requestLog(root, board), StandardCharsets.UTF_8));
        }
        try {
            for (int sec = 0; sec <= 60; sec++) {
                for (String board : BOARDS) {
                    boolean quiet = board.equals("quiet");
                    StringBuilder power = new StringBuilder();
                    if (!quiet || sec <= 20) {
                        for (long k = Math.max(0, 10L * sec - 9); k <= 10L * sec; k++) {
                            long t = k * Ramp.STEP_NANOS;
                            double w = Ramp.watts(k / 10.0);
                            written.add(BoardEvent.sample(board, t, w, Ramp.STEP_NANOS));
                            power.append(t)
                                    .append(",hwmon,")
                                    .append(RAIL)
                                    .append(',')
                                    .append(w)
                                    .append(",0.0\n");
                        }
                    }
                    StringBuilder requests = new StringBuilder();
                    if (!quiet || sec <= 30) {
                        for (long s = 1; s + 2 <= 60; s += 2) {
                            long end = s * Ramp.SECOND + 1_500_000_000L;
                            if (end > (sec - 1) * Ramp.SECOND && end <= sec * Ramp.SECOND) {
                                RequestTimeline r = RequestTimeline.succeeded(
                                        s * Ramp.SECOND, s * Ramp.SECOND + 300_000_000L, end, 100, 50);
                                written.add(BoardEvent.request(board, CELL, RAIL, r));
                                requests.append(record(r));
                            }
                        }
                    }
                    append(files, carry, powerLog(root, board), power.toString(), sec == 60 || (quiet && sec == 20));
                    append(
                            files,
                            carry,
                            requestLog(root, board),
                            requests.toString(),
                            sec == 60 || (quiet && sec == 30));
                }
                Thread.sleep(millisPerSecond);
            }
        } finally {
            for (Writer w : files.values()) {
                w.close();
            }
        }
    }

    /** Writes the carried bytes and the new text, all but its last 7 characters unless this is the file's last write. */
    private static void append(Map<Path, Writer> files, Map<Path, String> carry, Path file, String text, boolean last)
            throws IOException {
        String all = carry.getOrDefault(file, "") + text;
        int keep = last ? 0 : Math.min(7, all.length());
        Writer w = files.get(file);
        w.write(all, 0, all.length() - keep);
        w.flush();
        carry.put(file, all.substring(all.length() - keep));
    }
}
