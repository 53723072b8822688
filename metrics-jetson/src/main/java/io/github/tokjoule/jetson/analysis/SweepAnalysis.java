package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.CellStatus;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.ExclusionReason;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Analyzes a power-mode sweep: every cell of a sweep directory ({@link SweepLayout}: the tokjoule layout or the
 * seed's) joined with its power log into a {@link io.github.tokjoule.core.cell.CellMetrics} row by the chosen method,
 * and the seed's tables ({@link SweepResult}).
 *
 * <pre>{@code
 * SweepResult r = SweepAnalysis.analyze(Path.of("runs/2026-05-27"));                       // MEASURED, manifest zone
 * SweepResult s = SweepAnalysis.analyze(Path.of("hf"), AnalysisOptions.defaults()
 *         .withMethod(EnergyMethod.SEED_COMPATIBLE).withZone(ZoneId.of("Asia/Kolkata")));  // the seed's numbers
 * }</pre>
 *
 * <p><b>Zone.</b> Naive timestamps (tegrastats stamps, aiperf's start/end) are resolved in the caller's zone if given,
 * else the manifest's; without either the analysis refuses ({@link SweepFormatException}) rather than guess. When both
 * are given and differ, the caller's zone is used and every cell carries {@code ZONE_MISMATCH} (ERROR when the
 * offsets differ): a cell's window then usually falls outside its trace and is flagged {@code WINDOW_OUTSIDE_TRACE},
 * never skipped.
 *
 * <p><b>Failures.</b> A cell marked {@code FAILED}, without an aiperf summary, with an unreadable file, or whose
 * requests all failed is kept as a failed row with its reason ({@link CellStatus#failed}); the rest of the sweep is
 * analyzed. A cell without a power log, or without the chosen rail, keeps its latencies and is flagged {@code
 * RAIL_MISSING}. A whole-run log (the seed's v1 driver) is read once and shared by the cells of its mode.
 *
 * @since 0.1.0
 */
public final class SweepAnalysis {

    /** The tegrastats interval assumed when the manifest does not give one (the seed's {@code --interval 500}). */
    public static final int DEFAULT_INTERVAL_MILLIS = 500;

    private SweepAnalysis() {}

    /**
     * Analyzes a sweep with the default options (MEASURED, default rail, the manifest's zone).
     *
     * @param directory the sweep directory
     * @return the result
     * @throws SweepFormatException if the directory is not a sweep, or no zone is known
     * @throws IOException if a directory cannot be listed
     */
    public static SweepResult analyze(Path directory) throws IOException {
        return analyze(directory, AnalysisOptions.defaults());
    }

    /**
     * Analyzes a sweep.
     *
     * @param directory the sweep directory: a tokjoule run, a seed root of mode directories, or one mode directory
     * @param options the method, rail, zone, thresholds and tables' options
     * @return the result
     * @throws SweepFormatException if the directory is not a sweep, the manifest is broken, or no zone is known
     * @throws IOException if a directory cannot be listed
     */
    public static SweepResult analyze(Path directory, AnalysisOptions options) throws IOException {
        long wallStart = System.nanoTime();
        SweepLayout layout = SweepLayout.discover(directory, options.mode());
        long discovered = System.nanoTime();
        Context ctx = context(directory, layout, options);
        ctx.readNanos.add(discovered - wallStart);
        ZoneId zone = ctx.zone;
        Optional<ZoneId> recorded = ctx.recorded;
        List<String> models =
                new ArrayList<>(layout.manifest().map(m -> m.grid().models()).orElse(List.of()));
        for (SweepLayout.CellLocation c : layout.cells()) {
            if (!models.contains(c.model())) {
                models.add(c.model());
            }
        }
        List<AnalyzedCell> cells = analyzeAll(layout.cells(), ctx);
        List<Flag> sweepFlags = new ArrayList<>();
        if (recorded.isPresent() && !recorded.get().equals(zone)) {
            Optional<Flag> first = cells.stream()
                    .flatMap(c -> c.metrics().flags(AccuracyFlag.ZONE_MISMATCH).stream())
                    .findFirst();
            first.or(() -> FlagRules.zoneMismatch(recorded.get(), zone, Instant.EPOCH))
                    .ifPresent(sweepFlags::add);
        }
        List<String> warnings = new ArrayList<>(ctx.notes);
        return new SweepResult(
                layout,
                options,
                zone,
                models,
                cells,
                sweepFlags,
                warnings,
                (tables, end) ->
                        new StageTimings(ctx.readNanos.sum(), ctx.computeNanos.sum(), end - tables, end - wallStart));
    }

    /**
     * Reads every cell of a sweep for the request–power join, exactly as {@link #analyze} reads it (zone, rail,
     * sample times, request windows), without computing any figure: the input of a join run elsewhere.
     *
     * @param directory the sweep directory: a tokjoule run, a seed root of mode directories, or one mode directory
     * @param options the rail, zone and mode (the method and tables' options are not used)
     * @return one input per cell, in the layout's order
     * @throws SweepFormatException if the directory is not a sweep, the manifest is broken, or no zone is known
     * @throws IOException if a directory or a log cannot be read
     * @since 0.2.0
     */
    public static List<CellJoinInput> joinInputs(Path directory, AnalysisOptions options) throws IOException {
        SweepLayout layout = SweepLayout.discover(directory, options.mode());
        Context ctx = context(directory, layout, options);
        List<CellJoinInput> out = new ArrayList<>(layout.cells().size());
        for (SweepLayout.CellLocation loc : layout.cells()) {
            out.add(ctx.joinInput(loc));
        }
        return out;
    }

    private static Context context(Path directory, SweepLayout layout, AnalysisOptions options)
            throws SweepFormatException {
        Optional<ZoneId> recorded = layout.manifest().flatMap(SweepManifest::zone);
        ZoneId zone = options.zone()
                .or(() -> recorded)
                .orElseThrow(() -> new SweepFormatException(
                        directory,
                        "no time zone: the sweep has no manifest zone; give the device's zone (tegrastats stamps and"
                                + " aiperf start/end times are naive local times)",
                        null));
        int interval = layout.manifest()
                .map(SweepManifest::tegrastatsIntervalMillis)
                .filter(i -> i > 0)
                .orElse(DEFAULT_INTERVAL_MILLIS);
        String manifestBackend = layout.manifest().map(SweepManifest::backend).orElse("");
        return new Context(options, zone, recorded, interval, manifestBackend);
    }

    private static List<AnalyzedCell> analyzeAll(List<SweepLayout.CellLocation> locations, Context ctx)
            throws IOException {
        int threads = Math.min(ctx.options.threads(), Math.max(1, locations.size()));
        if (threads == 1) {
            List<AnalyzedCell> out = new ArrayList<>(locations.size());
            for (SweepLayout.CellLocation loc : locations) {
                out.add(ctx.analyze(loc));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tokjoule-sweep-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AnalyzedCell>> futures = new ArrayList<>(locations.size());
            for (SweepLayout.CellLocation loc : locations) {
                futures.add(pool.submit(() -> ctx.analyze(loc)));
            }
            List<AnalyzedCell> out = new ArrayList<>(locations.size());
            for (Future<AnalyzedCell> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("sweep analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What every cell of one analysis shares, and the cache of whole-run logs. */
    private static final class Context {
        final AnalysisOptions options;
        final ZoneId zone;
        final Optional<ZoneId> recorded;
        final int intervalMillis;
        final String manifestBackend;
        final Map<Path, PowerLog> runLogs = new ConcurrentHashMap<>();
        final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        final LongAdder readNanos = new LongAdder();
        final LongAdder computeNanos = new LongAdder();

        Context(
                AnalysisOptions options,
                ZoneId zone,
                Optional<ZoneId> recorded,
                int intervalMillis,
                String manifestBackend) {
            this.options = options;
            this.zone = zone;
            this.recorded = recorded;
            this.intervalMillis = intervalMillis;
            this.manifestBackend = manifestBackend;
        }

        CellId id(SweepLayout.CellLocation loc) {
            String backend =
                    !loc.backend().isEmpty() ? loc.backend() : !manifestBackend.isBlank() ? manifestBackend : "unknown";
            return CellId.of(loc.model(), loc.mode().label(), backend, loc.ctxTokens(), loc.genTokens());
        }

        CellJoinInput joinInput(SweepLayout.CellLocation loc) throws IOException {
            CellId id = id(loc);
            try {
                return CellJoinInput.of(
                        CellReader.read(loc, id, runWindow -> power(loc, runWindow), zone, new ArrayList<>(), notes));
            } catch (CellReader.CellFailure e) {
                String reason = e.getMessage();
                return CellJoinInput.failed(
                        id, loc.directory(), reason == null || reason.isBlank() ? "failed (no reason given)" : reason);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return CellJoinInput.failed(
                        id, loc.directory(), "cannot analyze " + loc.directory() + ": " + e.getMessage());
            }
        }

        AnalyzedCell analyze(SweepLayout.CellLocation loc) throws IOException {
            long start = System.nanoTime();
            CellId id = id(loc);
            try {
                List<Flag> flags = new ArrayList<>();
                CellInputs in = CellReader.read(loc, id, runWindow -> power(loc, runWindow), zone, flags, notes);
                if (recorded.isPresent() && !recorded.get().equals(zone)) {
                    Instant at = in.profilingWindow().map(TimeWindow::start).orElse(Instant.EPOCH);
                    FlagRules.zoneMismatch(recorded.get(), zone, at).ifPresent(flags::add);
                }
                // without a power trace there is no energy either way, and RAIL_MISSING says why
                if (options.method() == EnergyMethod.MEASURED
                        && in.records().isEmpty()
                        && in.power().trace().isPresent()) {
                    List<String> missing = RunWindowInputs.problems(in);
                    if (!missing.isEmpty()) {
                        throw new CellReader.CellFailure("no per-request records (" + SweepLayout.RECORDS + ") and "
                                + loc.summaryFile()
                                        .map(f -> String.valueOf(f.getFileName()))
                                        .orElse(SweepLayout.SUMMARY)
                                + " lacks what the run-window estimate needs: "
                                + String.join(", ", missing) + "; re-run the cell with aiperf's records export");
                    }
                }
                long read = System.nanoTime();
                readNanos.add(read - start);
                AnalyzedCell cell = options.method() == EnergyMethod.SEED_COMPATIBLE
                        ? SeedMethod.compute(in, options)
                        : MeasuredMethod.compute(in, options);
                computeNanos.add(System.nanoTime() - read);
                cell.attribution().flatMap(a -> exclusions(loc, a)).ifPresent(notes::add);
                return cell;
            } catch (CellReader.CellFailure e) {
                readNanos.add(System.nanoTime() - start);
                return failed(id, loc, e.getMessage());
            } catch (UncheckedIOException | IllegalArgumentException e) {
                readNanos.add(System.nanoTime() - start);
                return failed(id, loc, "cannot analyze " + loc.directory() + ": " + e.getMessage());
            }
        }

        /**
         * Says which successful requests the estimator left out of a cell's energies, and why (failed requests are
         * counted in the row's error count already).
         */
        private static Optional<String> exclusions(SweepLayout.CellLocation loc, CellAttribution a) {
            StringBuilder why = new StringBuilder();
            int n = 0;
            for (ExclusionReason reason : ExclusionReason.values()) {
                int k = a.excludedCount(reason);
                if (reason != ExclusionReason.FAILED && k > 0) {
                    why.append(why.length() == 0 ? "" : ", ")
                            .append(k)
                            .append(' ')
                            .append(reason);
                    n += k;
                }
            }
            return n == 0
                    ? Optional.empty()
                    : Optional.of(loc.directory() + ": " + n + " of " + a.requestCount()
                            + " requests left out of the energies (" + why + "): the power trace does not cover them,"
                            + " or their token counts are unknown; nothing is extrapolated");
        }

        private AnalyzedCell failed(CellId id, SweepLayout.CellLocation loc, @Nullable String reason) {
            String text = reason == null || reason.isBlank() ? "failed (no reason given)" : reason.strip();
            CellMetrics m = CellMetrics.builder()
                    .id(id)
                    .method(options.method())
                    .status(CellStatus.failed(text.replace('\n', ' ')))
                    .build();
            return new AnalyzedCell(
                    m, loc.directory(), Double.NaN, Double.NaN, Summary.empty(), 0, Optional.empty(), Optional.empty());
        }

        private PowerLog power(SweepLayout.CellLocation loc, Optional<TimeWindow> runWindow) throws IOException {
            boolean seed = options.method() == EnergyMethod.SEED_COMPATIBLE;
            if (loc.tegrastatsLog().isEmpty()) {
                return PowerLog.missing("no tegrastats log for " + loc.directory());
            }
            Path file = loc.tegrastatsLog().get();
            if (!loc.wholeRunLog()) {
                PowerLog log = PowerLog.read(file, zone, options.rail(), intervalMillis, seed);
                notes.addAll(log.notes());
                return seed
                        ? log
                        : DenseTrace.prefer(file, log, notes, runWindow); // issue 16: the dense trace where recorded
            }
            PowerLog cached = runLogs.get(file);
            if (cached != null) {
                return cached.shared();
            }
            synchronized (runLogs) {
                PowerLog again = runLogs.get(file);
                if (again != null) {
                    return again.shared();
                }
                PowerLog log = PowerLog.read(file, zone, options.rail(), intervalMillis, seed);
                notes.addAll(log.notes());
                runLogs.put(file, log);
                return log;
            }
        }
    }
}
