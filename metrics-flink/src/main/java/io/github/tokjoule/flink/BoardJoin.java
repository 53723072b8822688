package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The event-time join of one board's requests with its power samples, free of Flink so that it can be tested and
 * reasoned about alone; {@link FleetJob} keeps one per board in keyed state.
 *
 * <p><b>Event time per board.</b> The board's watermark is its latest sample time minus
 * {@link JoinSettings#outOfOrdernessNanos()}. Samples behind it are late (counted, dropped); samples ahead of it are
 * kept in time order whatever order they came in. A board's watermark never depends on another board's clock: a board
 * whose clock runs ahead cannot make the others' samples late, as one watermark for the whole stream would.
 *
 * <p><b>The join.</b> A request waits until the watermark has passed a sample at or after its end; it is then
 * joined with the samples around its window: the last sample at or before its start through the first at or after its
 * end (those the trapezoid over the window reads). Its cell collects the joined requests and their samples, with the
 * samples between its requests, so that the cell's trace runs unbroken from one sample before its first request to
 * one after its last: what an estimator that pools the cell's samples (and its intervals) reads. Once the watermark is {@link JoinSettings#cellGapNanos()} past the cell's last request and none waits, or
 * at the end of the input, the cell's requests and samples go to metrics-core's {@link EnergyEstimator} in one call:
 * the same arithmetic as the single-machine analysis of the same samples, exclusions and intervals included.
 *
 * <p><b>Silence.</b> A gap between samples longer than {@link JoinSettings#silenceNanos()} that a request's window
 * overlaps, and requests that end after the board's last sample at the end of input, are reported as
 * {@link BoardNotice.Kind#SILENT}. Such requests are excluded by the estimator (outside the trace), never
 * extrapolated.
 *
 * <p><b>Silence timeout.</b> On an unbounded stream a board that stops sending samples would keep its last requests
 * waiting for ever; {@link #silence} (called by {@link BoardJoinFunction} after {@link
 * JoinSettings#silenceTimeoutNanos()} of processing time without a sample) joins them with the samples there are and
 * attributes the open cells.
 *
 * <p><b>State.</b> {@link #writeTo} and {@link #readFrom} write and read the whole join, for Flink's checkpoints
 * ({@link BoardJoinSerializer}).
 *
 * <p>Not thread-safe: Flink calls one key's state from one thread.
 *
 * @since 0.2.0
 */
public final class BoardJoin {

    /** Where the join's results go. */
    public interface Output {
        /**
         * Receives an attributed (or failed) cell.
         *
         * @param cell the cell's figures
         */
        void cell(CellFigures cell);

        /**
         * Receives a notice about the board.
         *
         * @param notice the notice
         */
        void notice(BoardNotice notice);
    }

    private static final int PRUNE_EVERY = 1024;
    /** Version 2 adds the sensor delay at the end; version 1 (before it) is read with a delay of 0. */
    private static final int STATE_VERSION = 2;

    private final String board;
    private final JoinSettings settings;

    private long[] times = new long[256];
    private double[] watts = new double[256];
    /** Live samples are {@code [first, size)}, sorted by time. */
    private int first;

    private int size;
    private long nominalIntervalNanos;
    /** The latest sample's sensor delay {@code D}, given to the estimator. */
    private long sensorDelayNanos;

    private long firstSample = Long.MAX_VALUE;
    private long maxSample = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long sinceLastPrune;

    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong((Pending p) -> p.timeline.endEpochNanos()).thenComparingLong(p -> p.sequence));
    private final Map<CellId, OpenCell> open = new LinkedHashMap<>();
    /** Silent stretches: {from, to, requests overlapping}. */
    private final List<long[]> gaps = new ArrayList<>();

    private long sequence;
    private long samples;
    private long lateSamples;
    private long duplicateSamples;
    private long lateRequests;

    /** Processing time (ms) when the last sample arrived; MIN before any. */
    private long lastHeardMillis = Long.MIN_VALUE;
    /** Processing time (ms) of the silence timer registered, or MIN if none. */
    private long silenceTimerMillis = Long.MIN_VALUE;
    /** The board's last sample time when its silence was last reported; MIN if never. */
    private long silenceReportedAt = Long.MIN_VALUE;

    /**
     * Returns an empty join for a board.
     *
     * @param board the board's name
     * @param settings the waiting rules
     */
    public BoardJoin(String board, JoinSettings settings) {
        this.board = board;
        this.settings = settings;
    }

    /** {@return the board's name} */
    public String board() {
        return board;
    }

    /** {@return the board's watermark: its latest sample minus the out-of-orderness bound; MIN before any sample} */
    public long watermark() {
        return watermark;
    }

    /** {@return the requests waiting for their samples} */
    public int pendingRequests() {
        return pending.size();
    }

    /** {@return the samples held: around waiting requests, and the retention window behind the watermark} */
    public int heldSamples() {
        return size - first;
    }

    /**
     * Takes one event of this board.
     *
     * @param e the event
     * @param estimator the estimator that attributes a finished cell
     * @param out where finished cells and notices go
     * @throws IllegalArgumentException if the event is of another board, or a sample's power is negative or not finite
     */
    public void accept(BoardEvent e, EnergyEstimator estimator, Output out) {
        if (!e.board().equals(board)) {
            throw new IllegalArgumentException("event of board " + e.board() + " given to the join of " + board);
        }
        switch (e.kind()) {
            case SAMPLE ->
                sample(e.epochNanos(), e.watts(), e.nominalIntervalNanos(), e.sensorDelayNanos(), estimator, out);
            case REQUEST -> request(e.requireCell(), e.note(), e.timeline(), estimator, out);
            case FAILED_CELL -> out.cell(CellFigures.failedCell(board, e.requireCell(), e.note()));
        }
    }

    private void sample(long t, double w, long nominal, long delay, EnergyEstimator estimator, Output out) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("board " + board + ": sample at " + t + " ns has power " + w
                    + " W; a power sample must be finite and not negative (fix the source that produced it)");
        }
        if (t <= watermark) {
            lateSamples++;
            return;
        }
        if (nominal > 0) {
            nominalIntervalNanos = nominal;
        }
        sensorDelayNanos = delay;
        if (size == first || t > times[size - 1]) {
            if (size > first && t - times[size - 1] > settings.silenceNanos()) {
                gaps.add(new long[] {times[size - 1], t, 0});
            }
            append(t, w);
        } else {
            int at = lowerBound(t);
            if (times[at] == t) {
                duplicateSamples++;
                return;
            }
            insert(at, t, w);
            splitGaps(t);
        }
        samples++;
        firstSample = Math.min(firstSample, t);
        if (t > maxSample) {
            maxSample = t;
            watermark = t - settings.outOfOrdernessNanos();
            release(estimator, out);
        }
    }

    /**
     * A sample that came late into a silent stretch (samples out of order within the bound) splits it: what is left
     * on either side is a silence only if still longer than the threshold. A stretch that requests were already
     * counted against is left as it is (they are joined only behind the watermark, after such samples came).
     */
    private void splitGaps(long t) {
        List<long[]> split = new ArrayList<>();
        Iterator<long[]> it = gaps.iterator();
        while (it.hasNext()) {
            long[] g = it.next();
            if (g[0] < t && t < g[1] && g[2] == 0) {
                it.remove();
                for (long[] part : new long[][] {{g[0], t, 0}, {t, g[1], 0}}) {
                    if (part[1] - part[0] > settings.silenceNanos()) {
                        split.add(part);
                    }
                }
            }
        }
        gaps.addAll(split);
    }

    private void request(CellId cell, String rail, RequestTimeline r, EnergyEstimator estimator, Output out) {
        if (r.endEpochNanos() <= watermark) {
            lateRequests++;
        }
        OpenCell c = open.computeIfAbsent(cell, id -> new OpenCell(id, rail));
        c.waiting++;
        pending.add(new Pending(cell, r, sequence++));
        release(estimator, out);
    }

    private void release(EnergyEstimator estimator, Output out) {
        while (!pending.isEmpty()) {
            Pending p = pending.peek();
            // a sensor that averages its last D is read D/2 later, its edge at the end wants the first reading stamped
            // at or after end + D (core's EdgeSmoothing) and the span less the gaps its floor within D + 10 intervals
            // (SpanLessGaps): the request waits for those
            int end = lowerBound(p.timeline.endEpochNanos() + contextNanos());
            if (end >= size || times[end] > watermark) {
                break;
            }
            pending.poll();
            join(p, end);
        }
        closeQuietCells(estimator, out);
        if (++sinceLastPrune >= PRUNE_EVERY) {
            sinceLastPrune = 0;
            prune(out);
        }
    }

    /**
     * The readings a cell needs beyond its requests for a sensor that averages its last {@code D}: {@code D} plus 10
     * nominal intervals (core's {@code SpanLessGaps} looks for the floor that far; the edges need {@code D}); 0 for
     * instantaneous readings.
     */
    private long contextNanos() {
        return sensorDelayNanos > 0 ? sensorDelayNanos + 10 * Math.max(0, nominalIntervalNanos) : 0;
    }

    /**
     * Joins a request with the samples from the last at or before its start (less {@link #contextNanos()} for a
     * cell's first) to {@code endIndex} (the first at or after its end plus {@link #contextNanos()}).
     */
    private void join(Pending p, int endIndex) {
        OpenCell c = open.get(p.cell);
        if (c == null) {
            throw new IllegalStateException("no open cell " + p.cell + " for a waiting request");
        }
        long start = p.timeline.startEpochNanos();
        long end = p.timeline.endEpochNanos();
        // a cell's first request brings the context a sensor's averaging needs before it (0 without averaging)
        int from = Math.max(first, upperBound(start - (c.n == 0 ? contextNanos() : 0)) - 1);
        if (c.n > 0 && from < size && c.times[c.n - 1] < times[from]) {
            // keep the cell's trace continuous: the samples between its requests too, as the single-machine trace
            from = Math.max(first, lowerBound(c.times[c.n - 1]));
        }
        for (int i = from; i <= endIndex && i < size; i++) {
            c.add(times[i], watts[i]);
        }
        c.requests.add(p);
        c.waiting--;
        c.lastEnd = Math.max(c.lastEnd, end);
        for (long[] g : gaps) {
            if (start < g[1] && end > g[0]) {
                g[2]++;
            }
        }
    }

    private void closeQuietCells(EnergyEstimator estimator, Output out) {
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        Iterator<OpenCell> it = open.values().iterator();
        while (it.hasNext()) {
            OpenCell c = it.next();
            if (c.waiting == 0 && !c.requests.isEmpty() && watermark - settings.cellGapNanos() > c.lastEnd) {
                it.remove();
                out.cell(attribute(c, estimator));
            }
        }
    }

    private CellFigures attribute(OpenCell c, EnergyEstimator estimator) {
        c.requests.sort(Comparator.comparingLong(p -> p.sequence));
        List<RequestTimeline> timelines = new ArrayList<>(c.requests.size());
        for (Pending p : c.requests) {
            timelines.add(p.timeline);
        }
        PowerTrace trace = PowerTrace.of(Arrays.copyOf(c.times, c.n), Arrays.copyOf(c.watts, c.n));
        if (nominalIntervalNanos > 0) {
            trace = trace.withNominalIntervalNanos(nominalIntervalNanos);
        }
        // a sensor that averages its last D: the estimator places the readings D/2 earlier and carries the smoothing
        EnergyEstimator e = sensorDelayNanos > 0 ? estimator.withSensorAveragingNanos(sensorDelayNanos) : estimator;
        CellAttribution a = e.attribute(trace, timelines);
        return CellFigures.of(board, c.id, c.rail, a, c.n);
    }

    /** Drops samples no waiting request needs and older than the retention window; reports finished silences. */
    private void prune(Output out) {
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        long horizon = watermark - settings.retentionNanos();
        for (Pending p : pending) {
            horizon = Math.min(horizon, p.timeline.startEpochNanos());
        }
        for (OpenCell c : open.values()) {
            if (c.n > 0) {
                horizon = Math.min(horizon, c.times[c.n - 1]);
            }
        }
        int keepFrom = upperBound(horizon) - 1;
        if (keepFrom > first) {
            first = keepFrom;
        }
        Iterator<long[]> it = gaps.iterator();
        while (it.hasNext()) {
            long[] g = it.next();
            if (g[1] < horizon) {
                it.remove();
                if (g[2] > 0) {
                    out.notice(new BoardNotice(board, BoardNotice.Kind.SILENT, g[0], g[1], 0, 0, 0, g[2]));
                }
            }
        }
        if (first > times.length / 2) {
            System.arraycopy(times, first, times, 0, size - first);
            System.arraycopy(watts, first, watts, 0, size - first);
            size -= first;
            first = 0;
        }
    }

    /**
     * Ends the input: joins every waiting request with the samples there are (the estimator excludes those the
     * samples do not cover), reports the silences, attributes every open cell and sends the board's summary.
     *
     * @param estimator the estimator
     * @param out where the cells and notices go
     */
    public void finish(EnergyEstimator estimator, Output out) {
        flush(estimator, out);
        out.notice(new BoardNotice(
                board,
                BoardNotice.Kind.SUMMARY,
                samples == 0 ? Long.MIN_VALUE : firstSample,
                maxSample,
                samples,
                lateSamples,
                duplicateSamples,
                lateRequests));
    }

    /**
     * Declares the board silent (an unbounded stream whose board has sent no sample for the silence timeout): as at
     * the end of input, every waiting request is joined with the samples there are (the estimator excludes those the
     * samples do not cover, with its reason: nothing is extrapolated), the silences are reported and every open cell is
     * attributed; the board's state stays, so that it can resume. A silence already reported at the same last sample,
     * with nothing waiting since, is not reported again.
     *
     * @param estimator the estimator
     * @param out where the cells and notices go
     */
    public void silence(EnergyEstimator estimator, Output out) {
        if (silenceReportedAt == maxSample && pending.isEmpty() && open.isEmpty()) {
            return;
        }
        silenceReportedAt = maxSample;
        long unanswered = flush(estimator, out);
        if (unanswered == 0) {
            out.notice(new BoardNotice(board, BoardNotice.Kind.SILENT, maxSample, Long.MAX_VALUE, 0, 0, 0, 0));
        }
    }

    /** Joins every waiting request, reports the silences, attributes every open cell; returns the requests cut. */
    private long flush(EnergyEstimator estimator, Output out) {
        long unanswered = 0;
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            if (p.timeline.endEpochNanos() > maxSample) {
                unanswered++;
            }
            join(p, Math.min(lowerBound(p.timeline.endEpochNanos() + contextNanos()), size - 1));
        }
        for (long[] g : gaps) {
            if (g[2] > 0) {
                out.notice(new BoardNotice(board, BoardNotice.Kind.SILENT, g[0], g[1], 0, 0, 0, g[2]));
            }
        }
        gaps.clear();
        if (unanswered > 0) {
            out.notice(new BoardNotice(board, BoardNotice.Kind.SILENT, maxSample, Long.MAX_VALUE, 0, 0, 0, unanswered));
        }
        for (OpenCell c : open.values()) {
            if (!c.requests.isEmpty()) {
                out.cell(attribute(c, estimator));
            }
        }
        open.clear();
        return unanswered;
    }

    /** {@return the processing time (ms) when the last sample arrived; {@link Long#MIN_VALUE} before any} */
    public long lastHeardMillis() {
        return lastHeardMillis;
    }

    /**
     * Records that a sample arrived.
     *
     * @param processingMillis the processing time of its arrival, in ms
     */
    public void heard(long processingMillis) {
        lastHeardMillis = processingMillis;
    }

    /** {@return the processing time (ms) of the silence timer registered for this board; MIN if none} */
    public long silenceTimerMillis() {
        return silenceTimerMillis;
    }

    /**
     * Records the silence timer registered for this board.
     *
     * @param processingMillis its time in ms, or {@link Long#MIN_VALUE} for none
     */
    public void silenceTimerMillis(long processingMillis) {
        silenceTimerMillis = processingMillis;
    }

    /**
     * Writes the join's whole state (checkpoints): settings, held samples, waiting requests, open cells, silences and
     * counts. {@link #readFrom} gives back a join that behaves as this one from here on.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(STATE_VERSION);
        out.writeUTF(board);
        out.writeLong(settings.outOfOrdernessNanos());
        out.writeLong(settings.silenceNanos());
        out.writeLong(settings.cellGapNanos());
        out.writeLong(settings.retentionNanos());
        out.writeLong(settings.silenceTimeoutNanos());
        out.writeInt(size - first);
        for (int i = first; i < size; i++) {
            out.writeLong(times[i]);
            out.writeDouble(watts[i]);
        }
        for (long v : new long[] {
            nominalIntervalNanos,
            firstSample,
            maxSample,
            watermark,
            sinceLastPrune,
            sequence,
            samples,
            lateSamples,
            duplicateSamples,
            lateRequests,
            lastHeardMillis,
            silenceTimerMillis,
            silenceReportedAt
        }) {
            out.writeLong(v);
        }
        out.writeInt(pending.size());
        for (Pending p : pending) {
            p.writeTo(out);
        }
        out.writeInt(open.size());
        for (OpenCell c : open.values()) {
            writeCell(out, c.id);
            out.writeUTF(c.rail);
            out.writeInt(c.requests.size());
            for (Pending p : c.requests) {
                p.writeTo(out);
            }
            out.writeInt(c.n);
            for (int i = 0; i < c.n; i++) {
                out.writeLong(c.times[i]);
                out.writeDouble(c.watts[i]);
            }
            out.writeInt(c.waiting);
            out.writeLong(c.lastEnd);
        }
        out.writeInt(gaps.size());
        for (long[] g : gaps) {
            out.writeLong(g[0]);
            out.writeLong(g[1]);
            out.writeLong(g[2]);
        }
        out.writeLong(sensorDelayNanos);
    }

    /**
     * Reads a join written by {@link #writeTo}.
     *
     * @param in where to read
     * @return the join
     * @throws IOException if reading fails or the state is of another version
     */
    public static BoardJoin readFrom(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != STATE_VERSION && version != 1) {
            throw new IOException("BoardJoin state version " + version + " is neither 1 nor " + STATE_VERSION
                    + ": restore it with the tokjoule version that wrote it");
        }
        String board = in.readUTF();
        JoinSettings settings =
                new JoinSettings(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        BoardJoin j = new BoardJoin(board, settings);
        int held = in.readInt();
        j.times = new long[Math.max(256, held)];
        j.watts = new double[j.times.length];
        for (int i = 0; i < held; i++) {
            j.times[i] = in.readLong();
            j.watts[i] = in.readDouble();
        }
        j.size = held;
        j.nominalIntervalNanos = in.readLong();
        j.firstSample = in.readLong();
        j.maxSample = in.readLong();
        j.watermark = in.readLong();
        j.sinceLastPrune = in.readLong();
        j.sequence = in.readLong();
        j.samples = in.readLong();
        j.lateSamples = in.readLong();
        j.duplicateSamples = in.readLong();
        j.lateRequests = in.readLong();
        j.lastHeardMillis = in.readLong();
        j.silenceTimerMillis = in.readLong();
        j.silenceReportedAt = in.readLong();
        for (int i = in.readInt(); i > 0; i--) {
            j.pending.add(Pending.readFrom(in));
        }
        for (int i = in.readInt(); i > 0; i--) {
            OpenCell c = new OpenCell(readCell(in), in.readUTF());
            for (int k = in.readInt(); k > 0; k--) {
                c.requests.add(Pending.readFrom(in));
            }
            int n = in.readInt();
            c.times = new long[Math.max(64, n)];
            c.watts = new double[c.times.length];
            for (int k = 0; k < n; k++) {
                c.times[k] = in.readLong();
                c.watts[k] = in.readDouble();
            }
            c.n = n;
            c.waiting = in.readInt();
            c.lastEnd = in.readLong();
            j.open.put(c.id, c);
        }
        for (int i = in.readInt(); i > 0; i--) {
            j.gaps.add(new long[] {in.readLong(), in.readLong(), in.readLong()});
        }
        if (version >= 2) {
            j.sensorDelayNanos = in.readLong();
        }
        return j;
    }

    /** Writes a cell identity (also a followed split's). */
    static void writeCell(DataOutput out, CellId id) throws IOException {
        out.writeUTF(id.model());
        out.writeUTF(id.modeLabel());
        out.writeUTF(id.backend());
        out.writeInt(id.targetInputTokens());
        out.writeInt(id.targetOutputTokens());
    }

    /** Reads a cell identity written by {@link #writeCell}. */
    static CellId readCell(DataInput in) throws IOException {
        return new CellId(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readInt());
    }

    /** First index in {@code [first, size)} whose time is at least {@code t}; {@code size} if none. */
    private int lowerBound(long t) {
        int lo = first;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in {@code [first, size)} whose time is after {@code t}; {@code size} if none. */
    private int upperBound(long t) {
        int lo = first;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void append(long t, double w) {
        grow();
        times[size] = t;
        watts[size] = w;
        size++;
    }

    private void insert(int at, long t, double w) {
        grow();
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(watts, at, watts, at + 1, size - at);
        times[at] = t;
        watts[at] = w;
        size++;
    }

    private void grow() {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            watts = Arrays.copyOf(watts, size * 2);
        }
    }

    private static final class Pending {
        final CellId cell;
        final RequestTimeline timeline;
        final long sequence;

        Pending(CellId cell, RequestTimeline timeline, long sequence) {
            this.cell = cell;
            this.timeline = timeline;
            this.sequence = sequence;
        }

        void writeTo(DataOutput out) throws IOException {
            writeCell(out, cell);
            out.writeLong(timeline.startEpochNanos());
            out.writeLong(timeline.firstTokenEpochNanos());
            out.writeLong(timeline.endEpochNanos());
            out.writeDouble(timeline.inputTokens());
            out.writeDouble(timeline.outputTokens());
            out.writeBoolean(timeline.succeeded());
            out.writeLong(sequence);
        }

        static Pending readFrom(DataInput in) throws IOException {
            CellId cell = readCell(in);
            RequestTimeline t = new RequestTimeline(
                    in.readLong(), in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readBoolean());
            return new Pending(cell, t, in.readLong());
        }
    }

    /** A cell whose requests are being joined: the requests and the union of their samples, in time order. */
    private static final class OpenCell {
        final CellId id;
        final String rail;
        final List<Pending> requests = new ArrayList<>();
        long[] times = new long[64];
        double[] watts = new double[64];
        int n;
        int waiting;
        long lastEnd = Long.MIN_VALUE;

        OpenCell(CellId id, String rail) {
            this.id = id;
            this.rail = rail;
        }

        void add(long t, double w) {
            if (n > 0 && t <= times[n - 1]) {
                int at = Arrays.binarySearch(times, 0, n, t);
                if (at >= 0) {
                    return;
                }
                at = -at - 1;
                ensure();
                System.arraycopy(times, at, times, at + 1, n - at);
                System.arraycopy(watts, at, watts, at + 1, n - at);
                times[at] = t;
                watts[at] = w;
                n++;
                return;
            }
            ensure();
            times[n] = t;
            watts[n] = w;
            n++;
        }

        private void ensure() {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                watts = Arrays.copyOf(watts, n * 2);
            }
        }
    }
}
