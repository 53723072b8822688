package io.github.tokjoule.flink;

import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.RecordOptions;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.live.LiveLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.jspecify.annotations.Nullable;

/**
 * Tails the files {@link FollowSource} gives it, in turn: reads what was appended since the split's offset, emits the
 * events of the complete lines and moves the offset past them, in the same call, so that a checkpoint (taken between
 * calls) holds exactly the lines emitted. A partial last line stays in the file until its line end is written.
 */
final class FollowReader implements SourceReader<BoardEvent, FollowSplit> {

    private static final int FIRST_BUFFER = 1 << 16;
    private static final int MAX_LINE = 1 << 26;

    private final FollowSource source;
    private final Map<String, Tail> tails = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private int next;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

    FollowReader(FollowSource source) {
        this.source = source;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<BoardEvent> output) throws Exception {
        for (int tried = 0; tried < order.size(); tried++) {
            Tail t = tails.get(order.get(next));
            next = (next + 1) % order.size();
            if (t != null && t.read(output)) {
                return InputStatus.MORE_AVAILABLE;
            }
        }
        available = CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(source.pollMillis(), TimeUnit.MILLISECONDS));
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<FollowSplit> snapshotState(long checkpointId) {
        List<FollowSplit> out = new ArrayList<>(tails.size());
        for (Tail t : tails.values()) {
            out.add(t.split);
        }
        return out;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<FollowSplit> splits) {
        for (FollowSplit s : splits) {
            if (!tails.containsKey(s.path())) {
                order.add(s.path());
            }
            tails.put(s.path(), new Tail(s));
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        // unbounded: files keep coming
    }

    @Override
    public void close() throws IOException {
        for (Tail t : tails.values()) {
            t.close();
        }
    }

    /** One file being followed. */
    private final class Tail {
        FollowSplit split;
        private @Nullable FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocate(FIRST_BUFFER);
        private final LiveLog.@Nullable Lines power;
        private @Nullable String railKey;
        private long nominalNanos;
        private long sensorDelayNanos;

        Tail(FollowSplit split) {
            this.split = split;
            this.power = split.isRequests()
                    ? null
                    : new LiveLog.Lines(split.path(), LiveLog.isJsonLines(Path.of(split.path())));
        }

        /** Reads and emits what was appended; {@code true} if it emitted or consumed anything. */
        boolean read(ReaderOutput<BoardEvent> output) throws IOException {
            FileChannel ch = channel;
            if (ch == null) {
                ch = FileChannel.open(Path.of(split.path()), StandardOpenOption.READ);
                channel = ch;
                if (split.offset() > 0 && power != null) {
                    replayHeader(ch);
                }
            }
            long size = ch.size();
            if (size < split.offset()) {
                throw new IOException(
                        split.path() + " shrank to " + size + " bytes below the " + split.offset()
                                + " already read: a followed file must only be appended to (rotate logs by starting a new file)");
            }
            if (size == split.offset()) {
                return false;
            }
            buffer.clear();
            int n = ch.read(buffer, split.offset());
            if (n <= 0) {
                return false;
            }
            byte[] bytes = buffer.array();
            int end = n - 1;
            while (end >= 0 && bytes[end] != '\n') {
                end--;
            }
            if (end < 0) {
                if (n == buffer.capacity()) {
                    if (buffer.capacity() >= MAX_LINE) {
                        throw new IOException(split.path() + " line " + (split.lines() + 1) + " is longer than "
                                + MAX_LINE + " bytes");
                    }
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2);
                    return true;
                }
                return false; // a partial last line: wait for its end
            }
            int length = end + 1;
            long lines = countLines(bytes, length);
            if (power != null) {
                emitPower(bytes, length, output);
            } else {
                emitRequests(bytes, length, output);
            }
            split = split.at(split.offset() + length, split.lines() + lines);
            return true;
        }

        private void emitPower(byte[] bytes, int length, ReaderOutput<BoardEvent> output) throws IOException {
            LiveLog.Lines p = power;
            if (p == null) {
                return;
            }
            String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                Optional<LiveLog.Row> row = p.next(stripCr(line));
                if (row.isEmpty()) {
                    continue;
                }
                LiveLog.Row r = row.get();
                String key = railKey == null ? chooseRail(p) : railKey;
                if (r.rail().equals(key)) {
                    output.collect(
                            BoardEvent.sample(split.board(), r.epochNanos(), r.watts(), nominalNanos, sensorDelayNanos),
                            r.epochNanos() / 1_000_000L);
                }
            }
        }

        private String chooseRail(LiveLog.Lines p) throws IOException {
            String want = source.rail();
            for (String key : p.readings().keySet()) {
                if (key.equals(want) || key.endsWith("/" + want)) {
                    railKey = key;
                    nominalNanos = p.nominalIntervalNanos(key);
                    sensorDelayNanos = p.sensorDelayNanos(key);
                    return key;
                }
            }
            throw new IOException(split.path() + " line " + p.lineNumber() + ": the log declares the rails "
                    + p.readings().keySet() + ", not " + want + " (follow one of them with --rail)");
        }

        private void emitRequests(byte[] bytes, int length, ReaderOutput<BoardEvent> output) throws IOException {
            CellId cell = split.cell();
            if (cell == null) {
                return;
            }
            String name = split.path() + " (lines from " + (split.lines() + 1) + ")";
            try (AiperfRecords records = AiperfRecords.open(
                    new ByteArrayInputStream(bytes, 0, length),
                    name,
                    RecordOptions.defaults().withStrict(true))) {
                for (RequestRecord r : records) {
                    BoardEvent e = BoardEvent.request(split.board(), cell, source.rail(), r.timeline());
                    output.collect(e, e.endEpochNanos() / 1_000_000L);
                }
            }
        }

        /** After a restore: the power log's header declares its rails; read it again (to its first row), emitting nothing. */
        private void replayHeader(FileChannel ch) throws IOException {
            LiveLog.Lines p = power;
            if (p == null) {
                return;
            }
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(split.offset(), FIRST_BUFFER * 16L));
            ch.read(b, 0);
            String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length - 1 && p.lineNumber() < split.lines(); i++) {
                if (p.next(stripCr(lines[i])).isPresent()) {
                    break;
                }
            }
            p.skip(split.lines() - p.lineNumber());
        }

        void close() throws IOException {
            FileChannel ch = channel;
            if (ch != null) {
                ch.close();
            }
        }
    }

    private static long countLines(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
