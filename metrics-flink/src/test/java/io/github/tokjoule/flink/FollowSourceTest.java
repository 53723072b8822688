package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.join.RequestTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The followed-files source without a cluster: discovery, partial lines, resuming at a checkpointed offset. */
class FollowSourceTest {

    private static final String HEADER =
            "# tokjoule live log 1\n# rail hwmon/VDD_IN power 100000000\nepoch_nanos,source,rail,watts,joules\n";

    /** Keeps what a reader emits. */
    static final class Out implements ReaderOutput<BoardEvent> {
        final List<BoardEvent> events = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();

        @Override
        public void collect(BoardEvent e) {
            throw new AssertionError("every event carries its timestamp");
        }

        @Override
        public void collect(BoardEvent e, long timestamp) {
            events.add(e);
            timestamps.add(timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            throw new AssertionError("the source emits no watermark");
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<BoardEvent> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    private static FollowSource source(Path root) {
        return new FollowSource(root.toString(), "VDD_IN", "llama.cpp", 1000, 10);
    }

    private static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Polls until the reader has nothing more. */
    private static Out drain(FollowReader reader) throws Exception {
        Out out = new Out();
        while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
            // keep reading
        }
        return out;
    }

    @Test
    void filesAreFoundByTheLayout(@TempDir Path root) throws Exception {
        append(root.resolve("orin-1/power.csv"), HEADER);
        append(root.resolve("orin-1/25W/qwen/gen64/ctx128/profile_export.jsonl"), "");
        append(root.resolve("orin-1/25W/qwen/gen64/ctx128/tegrastats.log"), "not followed\n");
        append(root.resolve("loose.csv"), "not in a board's directory\n");

        List<FollowSplit> splits = source(root).discover();

        assertThat(splits)
                .extracting(
                        s -> root.relativize(Path.of(s.path())).toString(), FollowSplit::board, FollowSplit::isRequests)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "orin-1/25W/qwen/gen64/ctx128/profile_export.jsonl", "orin-1", true),
                        org.assertj.core.groups.Tuple.tuple("orin-1/power.csv", "orin-1", false));
        assertThat(splits.get(0).cell())
                .isEqualTo(io.github.tokjoule.core.cell.CellId.of("qwen", "25W", "llama.cpp", 128, 64));
    }

    @Test
    void aRequestLogOutsideTheCellLayoutIsRefusedWithItsPath(@TempDir Path root) throws Exception {
        append(root.resolve("orin-1/run/profile_export.jsonl"), "");

        assertThatThrownBy(() -> source(root).discover())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orin-1/run/profile_export.jsonl")
                .hasMessageContaining("gen<G>/ctx<C>");
    }

    @Test
    void onlyCompleteLinesAreEmittedAndARestoredReaderGoesOnFromItsOffset(@TempDir Path root) throws Exception {
        Path power = root.resolve("orin-1/power.csv");
        Path requests = root.resolve("orin-1/25W/qwen/gen64/ctx128/profile_export.jsonl");
        append(power, HEADER + "1000000000,hwmon,VDD_IN,5.5,0.0\n1100000000,hwmon,VDD_IN,5.75,0.5\n1200000000,hwm");
        RequestTimeline r = RequestTimeline.succeeded(1_000_000_000L, 1_300_000_000L, 2_500_000_000L, 100, 50);
        String record = FollowedFleet.record(r);
        append(requests, record + record.substring(0, 40));
        FollowReader first = new FollowReader(source(root));
        first.addSplits(source(root).discover());

        Out before = drain(first);

        assertThat(before.events)
                .filteredOn(e -> e.kind() == BoardEvent.Kind.SAMPLE)
                .extracting(BoardEvent::epochNanos, BoardEvent::watts, BoardEvent::nominalIntervalNanos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1_000_000_000L, 5.5, 100_000_000L),
                        org.assertj.core.groups.Tuple.tuple(1_100_000_000L, 5.75, 100_000_000L));
        assertThat(before.events)
                .filteredOn(e -> e.kind() == BoardEvent.Kind.REQUEST)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.timeline()).isEqualTo(r);
                    assertThat(e.cell())
                            .isEqualTo(io.github.tokjoule.core.cell.CellId.of("qwen", "25W", "llama.cpp", 128, 64));
                });
        assertThat(before.timestamps).contains(1000L, 2500L);

        // a checkpoint here, a restore into a new reader, then the lines are finished and one more is written
        List<FollowSplit> checkpoint = new ArrayList<>();
        FollowSplit.Serializer serializer = new FollowSplit.Serializer();
        for (FollowSplit s : first.snapshotState(1)) {
            checkpoint.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(s)));
        }
        first.close();
        assertThat(checkpoint).extracting(FollowSplit::lines).containsExactlyInAnyOrder(1L, 5L);
        append(power, "on,VDD_IN,6.0,1.0\n1300000000,hwmon,VDD_IN,6.25,1.5\n");
        append(requests, record.substring(40));
        FollowReader second = new FollowReader(source(root));
        second.addSplits(checkpoint);

        Out after = drain(second);
        second.close();

        assertThat(after.events)
                .filteredOn(e -> e.kind() == BoardEvent.Kind.SAMPLE)
                .extracting(BoardEvent::epochNanos, BoardEvent::nominalIntervalNanos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1_200_000_000L, 100_000_000L),
                        org.assertj.core.groups.Tuple.tuple(1_300_000_000L, 100_000_000L));
        assertThat(after.events)
                .filteredOn(e -> e.kind() == BoardEvent.Kind.REQUEST)
                .hasSize(1);
    }

    @Test
    void aLogWithoutTheRailFailsAndNamesTheRailsItHas(@TempDir Path root) throws Exception {
        append(
                root.resolve("orin-1/power.csv"),
                "# tokjoule live log 1\n# rail rapl/package-0 energy_counter 10000000\n"
                        + "epoch_nanos,source,rail,watts,joules\n1000000000,rapl,package-0,5.5,0.0\n");
        FollowReader reader = new FollowReader(source(root));
        reader.addSplits(source(root).discover());

        assertThatThrownBy(() -> drain(reader))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("power.csv line 4")
                .hasMessageContaining("[rapl/package-0], not VDD_IN");
    }

    @Test
    void aFileThatShrinksFails(@TempDir Path root) throws Exception {
        Path power = root.resolve("orin-1/power.csv");
        append(power, HEADER + "1000000000,hwmon,VDD_IN,5.5,0.0\n");
        FollowReader reader = new FollowReader(source(root));
        reader.addSplits(source(root).discover());
        drain(reader);
        Files.writeString(power, "# tokjoule live log 1\n");

        assertThatThrownBy(() -> drain(reader))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shrank")
                .hasMessageContaining("only be appended to");
    }

    @Test
    void theEnumeratorsStateAndTheSplitsReadBackAsWritten() throws Exception {
        FollowEnumerator.StateSerializer state = new FollowEnumerator.StateSerializer();
        Set<String> paths = Set.of("/a/power.csv", "/b/x/profile_export.jsonl");
        assertThat(state.deserialize(1, state.serialize(paths))).isEqualTo(paths);
        assertThatThrownBy(() -> state.deserialize(2, state.serialize(paths)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
        FollowSplit.Serializer splits = new FollowSplit.Serializer();
        FollowSplit power = new FollowSplit("/a/power.csv", "a", null, 123, 4);
        assertThat(splits.deserialize(1, splits.serialize(power))).isEqualTo(power);
        assertThatThrownBy(() -> splits.deserialize(7, splits.serialize(power))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new FollowSource("/x", " ", "b", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
