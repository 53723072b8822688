package io.github.tokjoule.live;

import io.github.tokjoule.core.power.PowerTrace;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The spill file of a {@link LiveTrace}: the samples its ring evicted, oldest first, so that a long run loses nothing
 * to the ring's bound.
 *
 * <p>Format (big-endian, as {@link java.io.DataOutput} writes): the magic {@code TJSPILL1} (8 ASCII bytes), the
 * source's name and then the rail count (int) and each rail's name (each name as {@code writeUTF}); then one record
 * per evicted sample: the time in epoch nanoseconds (long), and per rail the power in watts (double) and the
 * cumulative energy since the trace's first sample in W·ns (double). Records are buffered 64 KiB at a time, so the
 * writer allocates nothing per sample; {@link LiveTrace#closeSpill()} writes the rest.
 *
 * @since 0.2.0
 */
public final class SpillFile {

    private static final byte[] MAGIC = "TJSPILL1".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int recordBytes;

    private SpillFile(Path path, FileChannel channel, int rails) {
        this.path = path;
        this.channel = channel;
        this.recordBytes = 8 + 16 * rails;
        this.buffer = ByteBuffer.allocateDirect(Math.max(65_536, recordBytes)).order(ByteOrder.BIG_ENDIAN);
    }

    static SpillFile create(Path path, String source, List<String> rails) throws IOException {
        FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        SpillFile file = new SpillFile(path, channel, rails.size());
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(header)) {
            out.write(MAGIC);
            out.writeUTF(source);
            out.writeInt(rails.size());
            for (String rail : rails) {
                out.writeUTF(rail);
            }
        }
        file.buffer.put(header.toByteArray());
        return file;
    }

    Path path() {
        return path;
    }

    void append(long epochNanos, double[][] watts, double[][] cumulative, int slot) throws IOException {
        if (buffer.remaining() < recordBytes) {
            drain();
        }
        buffer.putLong(epochNanos);
        for (int r = 0; r < watts.length; r++) {
            buffer.putDouble(watts[r][slot]);
            buffer.putDouble(cumulative[r][slot]);
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    void close() throws IOException {
        if (channel.isOpen()) {
            drain();
            channel.close();
        }
    }

    /**
     * Reads a spill file back: one power trace per rail, in the file's rail order (the cumulative energies are not
     * returned; a {@link PowerTrace} recomputes them from the powers).
     *
     * @param path the spill file
     * @return the source's name, its rails and their traces
     * @throws IOException if the file cannot be read, does not start with the magic, or ends inside a record (the
     *     message names the file and the record)
     */
    public static Contents read(Path path) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(path + ": not a tokjoule spill file (no TJSPILL1 magic)");
            }
            String source = in.readUTF();
            int count = in.readInt();
            List<String> rails = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                rails.add(in.readUTF());
            }
            List<PowerTrace.Builder> builders = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                builders.add(PowerTrace.builder());
            }
            long record = 0;
            while (true) {
                long t;
                try {
                    t = in.readLong();
                } catch (EOFException end) {
                    break;
                }
                try {
                    for (int r = 0; r < count; r++) {
                        builders.get(r).add(t, in.readDouble());
                        in.readDouble();
                    }
                } catch (EOFException truncated) {
                    throw new IOException(
                            path + ": record " + record + " is cut short (the writer did not close"
                                    + " the file); the records before it are intact",
                            truncated);
                }
                record++;
            }
            List<PowerTrace> traces = new ArrayList<>(count);
            for (PowerTrace.Builder b : builders) {
                traces.add(b.build());
            }
            return new Contents(source, List.copyOf(rails), List.copyOf(traces));
        }
    }

    /**
     * What a spill file holds.
     *
     * @param source the source's name
     * @param rails the rail names
     * @param traces one trace per rail, in rail order
     * @since 0.2.0
     */
    public record Contents(String source, List<String> rails, List<PowerTrace> traces) {}
}
