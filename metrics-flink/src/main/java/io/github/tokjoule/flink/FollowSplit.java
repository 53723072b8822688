package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.jspecify.annotations.Nullable;

/**
 * One followed file of {@link FollowSource}: its path, the board it belongs to, its cell (for a request log; {@code
 * null} for a power log) and how far it has been read: the byte offset just after the last complete line emitted and
 * the number of lines before it. This is the split's checkpointed state.
 *
 * @param path the file's path, as the task managers see it
 * @param board the board
 * @param cell the cell of an aiperf request log; {@code null} for a live power log
 * @param offset the bytes read and emitted, a line boundary
 * @param lines the lines before {@code offset}
 * @since 0.2.0
 */
public record FollowSplit(
        String path, String board, @Nullable CellId cell, long offset, long lines) implements SourceSplit {

    @Override
    public String splitId() {
        return path;
    }

    /** {@return whether the file is an aiperf request log (else a live power log)} */
    public boolean isRequests() {
        return cell != null;
    }

    /**
     * Returns this split read up to a later line boundary.
     *
     * @param newOffset the bytes read
     * @param newLines the lines read
     * @return the split
     */
    public FollowSplit at(long newOffset, long newLines) {
        return new FollowSplit(path, board, cell, newOffset, newLines);
    }

    /** The split's checkpoint format, version 1. */
    static final class Serializer implements SimpleVersionedSerializer<FollowSplit> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FollowSplit s) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(256);
            out.writeUTF(s.path());
            out.writeUTF(s.board());
            CellId c = s.cell();
            out.writeBoolean(c != null);
            if (c != null) {
                BoardJoin.writeCell(out, c);
            }
            out.writeLong(s.offset());
            out.writeLong(s.lines());
            return out.getCopyOfBuffer();
        }

        @Override
        public FollowSplit deserialize(int version, byte[] bytes) throws IOException {
            if (version != 1) {
                throw new IOException("followed-file split version " + version + " is not 1");
            }
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            String path = in.readUTF();
            String board = in.readUTF();
            CellId cell = in.readBoolean() ? BoardJoin.readCell(in) : null;
            return new FollowSplit(path, board, cell, in.readLong(), in.readLong());
        }
    }
}
