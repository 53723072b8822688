package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded source over files that are being appended to: the live monitor's power logs and aiperf's request logs
 * of a fleet, as they grow. One split per file ({@link FollowSplit}); the files are found by walking {@code directory}
 * every {@code discoveryMillis}; a reader tails each of its files from its byte offset every {@code pollMillis}, emits
 * only complete lines (a partial last line waits for its line end) and checkpoints each file's offset.
 *
 * <p><b>Layout</b> ({@code directory/<board>/…}): every board has a directory named after it, holding
 *
 * <ul>
 *   <li>live power logs ({@code tokjoule monitor --out}, {@link io.github.tokjoule.live.LiveLog}): any {@code *.csv}
 *       or {@code *.jsonl} file other than {@code profile_export.jsonl}, anywhere under the board's directory (a
 *       whole-run log, or the driver's per-cell {@code hwmon.csv}); the samples of the rail {@code rail} (its
 *       {@code source/rail} key or the rail's name alone; the first declared match) become the board's samples;
 *   <li>aiperf request logs, {@code <board>/<MODE>/<model>/gen<G>/ctx<C>/profile_export.jsonl} (the sweep's cell
 *       layout): each profiling record becomes a request of the cell {@code (model, MODE, backend, C, G)}.
 * </ul>
 *
 * Other files are not read. A power log that never declares the rail, a line that is not a live log's or an aiperf
 * record, or a file that shrinks, fails the job with the file and the line.
 *
 * <p>Record timestamps are the events' own times (a sample's, a request's end); the source emits no watermark: the
 * join keeps one per board ({@link BoardJoin}).
 *
 * @param directory the fleet's directory, readable at the same path on every task manager
 * @param rail the power rail to follow, e.g. {@code VDD_IN} or {@code hwmon/VDD_IN}
 * @param backend the backend named in the cells' identities
 * @param discoveryMillis how often the directory is walked for new files, positive
 * @param pollMillis how long a reader waits before it looks again at files that had nothing new, positive
 * @since 0.2.0
 */
public record FollowSource(String directory, String rail, String backend, long discoveryMillis, long pollMillis)
        implements Source<BoardEvent, FollowSplit, Set<String>> {

    private static final long serialVersionUID = 1L;

    /** The request log's name. */
    public static final String REQUESTS_FILE = "profile_export.jsonl";

    private static final Pattern GEN = Pattern.compile("gen(\\d+)");
    private static final Pattern CTX = Pattern.compile("ctx(\\d+)");

    /**
     * Validates the source.
     *
     * @throws IllegalArgumentException if the rail or the backend is blank or an interval not positive
     */
    public FollowSource {
        if (rail.isBlank() || backend.isBlank() || discoveryMillis <= 0 || pollMillis <= 0) {
            throw new IllegalArgumentException("a followed fleet needs a rail, a backend and positive intervals: rail '"
                    + rail + "', backend '" + backend + "', discoveryMillis " + discoveryMillis + ", pollMillis "
                    + pollMillis);
        }
    }

    /**
     * Returns a source with the defaults: the backend {@code unknown} (as the analysis names it without a manifest),
     * the directory walked every 10 s, files polled every 200 ms.
     *
     * @param directory the fleet's directory
     * @param rail the power rail to follow
     * @return the source
     */
    public static FollowSource of(Path directory, String rail) {
        return new FollowSource(directory.toAbsolutePath().normalize().toString(), rail, "unknown", 10_000, 200);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<BoardEvent, FollowSplit> createReader(SourceReaderContext readerContext) {
        return new FollowReader(this);
    }

    @Override
    public SplitEnumerator<FollowSplit, Set<String>> createEnumerator(SplitEnumeratorContext<FollowSplit> context) {
        return new FollowEnumerator(context, this, Set.of());
    }

    @Override
    public SplitEnumerator<FollowSplit, Set<String>> restoreEnumerator(
            SplitEnumeratorContext<FollowSplit> context, Set<String> checkpoint) {
        return new FollowEnumerator(context, this, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FollowSplit> getSplitSerializer() {
        return new FollowSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Set<String>> getEnumeratorCheckpointSerializer() {
        return new FollowEnumerator.StateSerializer();
    }

    /**
     * Walks the directory: every followed file there is now, at offset 0, in path order.
     *
     * @return the files' splits
     * @throws IOException if the directory cannot be walked
     * @throws IllegalArgumentException if a request log is not at {@code <board>/<MODE>/<model>/gen<G>/ctx<C>/}
     */
    public List<FollowSplit> discover() throws IOException {
        Path root = Path.of(directory);
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root, 6)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<FollowSplit> out = new ArrayList<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            String name = String.valueOf(f.getFileName());
            String lower = name.toLowerCase(Locale.ROOT);
            if (rel.getNameCount() < 2) {
                continue;
            }
            String board = rel.getName(0).toString();
            if (name.equals(REQUESTS_FILE)) {
                out.add(new FollowSplit(f.toString(), board, cell(rel, f), 0, 0));
            } else if (lower.endsWith(".csv") || lower.endsWith(".jsonl")) {
                out.add(new FollowSplit(f.toString(), board, null, 0, 0));
            }
        }
        return out;
    }

    private CellId cell(Path rel, Path file) {
        Matcher gen = rel.getNameCount() == 6 ? GEN.matcher(rel.getName(3).toString()) : null;
        Matcher ctx = rel.getNameCount() == 6 ? CTX.matcher(rel.getName(4).toString()) : null;
        if (gen == null || ctx == null || !gen.matches() || !ctx.matches()) {
            throw new IllegalArgumentException(file + ": a followed request log must be at <board>/<MODE>/<model>/"
                    + "gen<G>/ctx<C>/" + REQUESTS_FILE + " under " + directory + " (its cell comes from the path)");
        }
        return CellId.of(
                rel.getName(2).toString(),
                rel.getName(1).toString(),
                backend,
                Integer.parseInt(ctx.group(1)),
                Integer.parseInt(gen.group(1)));
    }
}
