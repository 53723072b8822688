package io.github.tokjoule.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of a {@link BoardJoin} in keyed state: the join's own {@link BoardJoin#writeTo} format (versioned),
 * so that checkpoints and savepoints hold no Kryo and no Java serialization. A join is mutable: {@link #copy} is a deep
 * copy (the heap state backend copies a value that a running snapshot still reads before it is changed).
 *
 * @since 0.2.0
 */
public final class BoardJoinSerializer extends TypeSerializerSingleton<BoardJoin> {

    private static final long serialVersionUID = 1L;

    /** The serializer; it has no configuration. */
    public static final BoardJoinSerializer INSTANCE = new BoardJoinSerializer();

    /** Flink restores serializers from their snapshots; use {@link #INSTANCE}. */
    public BoardJoinSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public BoardJoin createInstance() {
        return new BoardJoin("", JoinSettings.defaults());
    }

    @Override
    public BoardJoin copy(BoardJoin from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            from.writeTo(out);
            return BoardJoin.readFrom(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("copying the join of board " + from.board() + " failed", e);
        }
    }

    @Override
    public BoardJoin copy(BoardJoin from, BoardJoin reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BoardJoin record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    public BoardJoin deserialize(DataInputView source) throws IOException {
        return BoardJoin.readFrom(source);
    }

    @Override
    public BoardJoin deserialize(BoardJoin reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<BoardJoin> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: it has no configuration; the state's own version is in {@link BoardJoin#writeTo}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<BoardJoin> {
        /** Flink instantiates snapshots reflectively. */
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
