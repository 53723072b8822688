package io.github.tokjoule.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.FlinkRuntimeException;
import org.jspecify.annotations.Nullable;

/**
 * Discovers the followed files every {@link FollowSource#discoveryMillis()} and gives each, once, to the reader of its
 * board ({@code board.hashCode() mod parallelism}), so that one board's files are read in one place and its samples
 * stay in order. Its checkpoint is the set of paths given out: a file found later starts at offset 0, a file given out
 * before the checkpoint is restored by its reader at its offset.
 */
final class FollowEnumerator implements SplitEnumerator<FollowSplit, Set<String>> {

    private final SplitEnumeratorContext<FollowSplit> context;
    private final FollowSource source;
    private final Set<String> assigned;
    private final List<FollowSplit> waiting = new ArrayList<>();

    FollowEnumerator(SplitEnumeratorContext<FollowSplit> context, FollowSource source, Set<String> assigned) {
        this.context = context;
        this.source = source;
        this.assigned = new HashSet<>(assigned);
    }

    @Override
    public void start() {
        context.callAsync(source::discover, this::found, 0, source.discoveryMillis());
    }

    private void found(@Nullable List<FollowSplit> splits, @Nullable Throwable error) {
        if (error != null || splits == null) {
            throw new FlinkRuntimeException(
                    "discovering followed files under " + source.directory() + " failed", error);
        }
        for (FollowSplit s : splits) {
            if (assigned.add(s.path())) {
                waiting.add(s);
            }
        }
        assignWaiting();
    }

    private void assignWaiting() {
        int parallelism = context.currentParallelism();
        Iterator<FollowSplit> it = waiting.iterator();
        while (it.hasNext()) {
            FollowSplit s = it.next();
            int reader = Math.floorMod(s.board().hashCode(), parallelism);
            if (context.registeredReaders().containsKey(reader)) {
                context.assignSplit(s, reader);
                it.remove();
            }
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        // splits are pushed as files are found
    }

    @Override
    public void addSplitsBack(List<FollowSplit> splits, int subtaskId) {
        // given out after the last checkpoint: read again from where they were given out (offset 0)
        waiting.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        assignWaiting();
    }

    @Override
    public Set<String> snapshotState(long checkpointId) {
        Set<String> given = new TreeSet<>(assigned);
        for (FollowSplit s : waiting) {
            given.remove(s.path());
        }
        return given;
    }

    @Override
    public void close() {}

    /** The enumerator's checkpoint format, version 1: the paths given out. */
    static final class StateSerializer implements SimpleVersionedSerializer<Set<String>> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Set<String> paths) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            out.writeInt(paths.size());
            for (String p : paths) {
                out.writeUTF(p);
            }
            return out.getCopyOfBuffer();
        }

        @Override
        public Set<String> deserialize(int version, byte[] bytes) throws IOException {
            if (version != 1) {
                throw new IOException("followed-files enumerator state version " + version + " is not 1");
            }
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            Set<String> paths = new TreeSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                paths.add(in.readUTF());
            }
            return paths;
        }
    }
}
