package io.github.tokjoule.jetson.driver.journal;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The append-only journal of a run ({@code <run>/journal.jsonl}). Each event is one JSON object on one line,
 * {@code {"event": "<type>", "at": "<UTC instant>", ...fields}}, written with a single write and forced to the
 * device (data and length) before {@link #append} returns. A line torn by a crash is closed with a newline when the
 * journal is reopened and reported by {@link JournalReplay}; no earlier event is ever rewritten.
 *
 * <p>Event types: {@code run-start}, {@code audit}, {@code compact-memory}, {@code mode-set}, {@code mode-failed},
 * {@code reboot-required}, {@code model-start}, {@code server-restart}, {@code model-failed}, {@code model-end},
 * {@code cell-start}, {@code cell-done} (with {@code status} {@code ok} or {@code failed}), {@code run-interrupted},
 * {@code run-stopped}, {@code run-end}.
 *
 * @since 0.1.0
 */
public final class SweepJournal implements Closeable {

    /** The journal's file name in a run directory. */
    public static final String FILE_NAME = "journal.jsonl";

    // A stream, not a FileChannel: channel I/O is interruptible, and an interrupt (Ctrl-C) arriving during a write
    // would close the channel before the interruption itself could be journaled.
    private final FileOutputStream out;
    private final Clock clock;

    private SweepJournal(FileOutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * Opens a journal for appending, creating it if needed.
     *
     * @param file the journal file
     * @param clock stamps the events
     * @return the journal
     * @throws IOException if it cannot be opened
     */
    public static SweepJournal open(Path file, Clock clock) throws IOException {
        boolean torn = endsWithoutNewline(file);
        SweepJournal journal = new SweepJournal(new FileOutputStream(file.toFile(), true), clock);
        if (torn) {
            journal.write("\n");
        }
        return journal;
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        try (RandomAccessFile read = new RandomAccessFile(file.toFile(), "r")) {
            read.seek(read.length() - 1);
            return read.read() != '\n';
        }
    }

    /**
     * Appends an event and forces it to disk.
     *
     * @param event the event type
     * @param fields its fields (strings, numbers, booleans, lists, maps), in order
     * @throws IOException if it cannot be written
     */
    public synchronized void append(String event, Map<String, ?> fields) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.put("at", clock.instant().toString());
        line.putAll(fields);
        write(JsonTree.write(line, false) + "\n");
    }

    /**
     * Appends an event about one cell: its key fields ({@code mode}, {@code model}, {@code gen}, {@code ctx}) first.
     *
     * @param event the event type
     * @param cell the cell
     * @param fields further fields
     * @throws IOException if it cannot be written
     */
    public void appendCell(String event, CellKey cell, Map<String, ?> fields) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("mode", cell.modeLabel());
        all.put("model", cell.model());
        all.put("gen", (long) cell.genTokens());
        all.put("ctx", (long) cell.promptTokens());
        all.putAll(fields);
        append(event, all);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.getFD().sync();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
