package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.jetson.PowerMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a sweep directory, found by walking it: which modes, models and cells it holds, where each cell's
 * aiperf exports and tegrastats log are, and which models or cells failed. Nothing is parsed here except the manifest.
 *
 * <p>Two layouts are recognised:
 *
 * <ul>
 *   <li><b>tokjoule</b> (written by the synthetic generator and the driver): {@code <run>/manifest.json} names the modes;
 *       {@code <run>/<MODE_LABEL>/<model>/gen<G>/ctx<C>/} holds {@code profile_export_aiperf.json}, {@code
 *       profile_export.jsonl} and {@code tegrastats.log}; a {@code FAILED} file (its text is the reason) marks a model
 *       ({@code <run>/<MODE>/<model>/FAILED}) or a cell that failed.
 *   <li><b>seed</b> (the seed benchmark's published datasets and runs): no manifest; a root holding one directory per
 *       mode, each named by the mode or ending in it ({@link ModeNames}); inside, optionally a backend level ({@code
 *       llamacpp/}, {@code ollama/}), then {@code <model>/gen<G>/ctx<C>/profile_export_aiperf.json}; the tegrastats log
 *       is per cell ({@code …/ctx<C>/tegrastats.log}, the seed's v2 driver) or one whole-run log in the mode directory
 *       (its v1 driver), or in the backend directory. A single mode directory can be given directly: its mode comes
 *       from its own name, or from the caller.
 * </ul>
 *
 * <p>Logs may be gzipped ({@code tegrastats.log.gz}). Directory names are matched case-insensitively for modes; model
 * names are kept as written.
 *
 * @param root the directory analyzed
 * @param kind which layout it is
 * @param manifest the manifest, for the tokjoule layout
 * @param modes the modes found, in sweep order (manifest order, else 7W, 15W, 25W, MAXN order by wattage)
 * @param cells every cell directory found, in mode, model, gen, ctx order
 * @param failedModels models marked failed at a mode
 * @param warnings things worth telling the user (a manifest mode without a directory, an unrecognised directory)
 * @since 0.1.0
 */
public record SweepLayout(
        Path root,
        Kind kind,
        Optional<SweepManifest> manifest,
        List<PowerMode> modes,
        List<CellLocation> cells,
        List<FailedModel> failedModels,
        List<String> warnings) {

    /**
     * Returns a cell's directory in the tokjoule layout, {@code <run>/<MODE_LABEL>/<model>/gen<G>/ctx<C>}: the one
     * place that spells it (the synthetic generator and the driver write it, {@link #discover} reads it). Generation
     * outside, prompt inside, as the seed's layout.
     *
     * @param runDir the run directory (an empty path gives the relative directory)
     * @param model the model name
     * @param modeLabel the power-mode label, e.g. {@code 25W}
     * @param promptTokens the target prompt length (ctx)
     * @param genTokens the target generation length (gen)
     * @return the directory
     * @since 0.2.0
     */
    public static Path cellDirectory(Path runDir, String model, String modeLabel, int promptTokens, int genTokens) {
        return shapeDirectory(runDir.resolve(modeLabel).resolve(model), promptTokens, genTokens);
    }

    /** {@return {@code <modelDir>/gen<G>/ctx<C>}} */
    private static Path shapeDirectory(Path modelDir, int promptTokens, int genTokens) {
        return modelDir.resolve("gen" + genTokens).resolve("ctx" + promptTokens);
    }

    /** Copies the lists. */
    public SweepLayout {
        modes = List.copyOf(modes);
        cells = List.copyOf(cells);
        failedModels = List.copyOf(failedModels);
        warnings = List.copyOf(warnings);
    }

    /** The two layouts. */
    public enum Kind {
        /** {@code manifest.json} plus per-mode, per-model, per-cell directories. */
        TOKJOULE,
        /** The seed benchmark's published layout, modes from directory names. */
        SEED
    }

    /**
     * Where one cell's files are.
     *
     * <p>Since 0.2.0 the fields come in {@link io.github.tokjoule.core.cell.CellId}'s order (model, mode, prompt,
     * generation).
     *
     * @param model the model name (its directory name)
     * @param mode the power mode
     * @param backend the backend level's name ({@code llamacpp}, {@code ollama}), or empty when there is none
     * @param ctxTokens the target prompt length from {@code ctx<C>}
     * @param genTokens the target generation length from {@code gen<G>}
     * @param directory the cell directory
     * @param summaryFile aiperf's {@code profile_export_aiperf.json}, if present
     * @param recordsFile aiperf's {@code profile_export.jsonl}, if present
     * @param tegrastatsLog the cell's own tegrastats log, else the whole-run log of its mode, if any
     * @param wholeRunLog {@code true} if {@code tegrastatsLog} is a whole-run log shared with other cells
     * @param failedReason the text of the cell's {@code FAILED} file, if it has one
     * @since 0.1.0
     */
    public record CellLocation(
            String model,
            PowerMode mode,
            String backend,
            int ctxTokens,
            int genTokens,
            Path directory,
            Optional<Path> summaryFile,
            Optional<Path> recordsFile,
            Optional<Path> tegrastatsLog,
            boolean wholeRunLog,
            Optional<String> failedReason) {}

    /**
     * A model that could not be served at a mode.
     *
     * @param model the model name
     * @param mode the power mode
     * @param directory the model directory
     * @param reason the text of its {@code FAILED} file
     * @since 0.1.0
     */
    public record FailedModel(String model, PowerMode mode, Path directory, String reason) {}

    static final String SUMMARY = "profile_export_aiperf.json";
    static final String GENAI_SUMMARY = "profile_export_genai_perf.json";
    static final String RECORDS = "profile_export.jsonl";
    static final String FAILED = "FAILED";
    private static final Pattern GEN = Pattern.compile("gen(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CTX = Pattern.compile("ctx(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> BACKEND_DIRS = List.of("llamacpp", "llama.cpp", "llama-cpp", "ollama");

    /**
     * Finds the cells of a sweep directory.
     *
     * @param root the sweep directory (a run in the tokjoule layout, a seed root of mode directories, or one mode
     *     directory)
     * @param mode the mode of a single-mode directory whose name does not say it; ignored when the directory holds
     *     mode directories or a manifest
     * @return the layout
     * @throws SweepFormatException if the directory does not exist, the manifest is broken, or no mode can be found
     * @throws IOException if a directory cannot be listed
     */
    public static SweepLayout discover(Path root, Optional<PowerMode> mode) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new SweepFormatException(root, "not a directory", null);
        }
        Path manifestFile = root.resolve(SweepManifest.FILE_NAME);
        List<String> warnings = new ArrayList<>();
        List<ModeDir> modeDirs = new ArrayList<>();
        Optional<SweepManifest> manifest = Optional.empty();
        Kind kind;
        if (Files.isRegularFile(manifestFile)) {
            kind = Kind.TOKJOULE;
            SweepManifest m = SweepManifest.read(manifestFile);
            manifest = Optional.of(m);
            List<Path> children = subdirectories(root);
            for (PowerMode pm : m.grid().modes()) {
                Optional<Path> dir = children.stream()
                        .filter(c -> ModeNames.sameMode(c.getFileName().toString(), pm.label()))
                        .findFirst();
                if (dir.isPresent()) {
                    modeDirs.add(new ModeDir(pm, dir.get()));
                } else {
                    warnings.add("mode " + pm.label() + " is in the manifest but " + root.resolve(pm.label())
                            + " does not exist");
                }
            }
        } else {
            kind = Kind.SEED;
            for (Path child : subdirectories(root)) {
                ModeNames.fromDirectoryName(child.getFileName().toString())
                        .ifPresent(pm -> modeDirs.add(new ModeDir(pm, child)));
            }
            if (modeDirs.isEmpty()) {
                Optional<PowerMode> own = ModeNames.fromDirectoryName(
                        root.toAbsolutePath().normalize().getFileName() == null
                                ? ""
                                : root.toAbsolutePath()
                                        .normalize()
                                        .getFileName()
                                        .toString());
                Optional<PowerMode> single = mode.isPresent() ? mode : own;
                if (single.isEmpty()) {
                    throw new SweepFormatException(
                            root,
                            "no manifest.json, no mode directory (7w, 15W, 25w, maxn, MAXN_SUPER, or a name ending in"
                                    + " one) and the directory's own name names no mode; give the mode of a"
                                    + " single-mode directory",
                            null);
                }
                modeDirs.add(new ModeDir(single.get(), root));
            } else {
                modeDirs.sort(Comparator.comparingInt(ModeDir::order));
            }
        }
        List<CellLocation> cells = new ArrayList<>();
        List<FailedModel> failed = new ArrayList<>();
        for (ModeScan scan : scanModes(modeDirs, manifest)) {
            cells.addAll(scan.cells());
            failed.addAll(scan.failed());
            warnings.addAll(scan.warnings());
        }
        return new SweepLayout(
                root, kind, manifest, modeDirs.stream().map(ModeDir::mode).toList(), cells, failed, warnings);
    }

    private record ModeDir(PowerMode mode, Path dir) {
        int order() {
            String l = mode.label();
            if (l.startsWith("MAXN")) {
                return 10_000;
            }
            return Integer.parseInt(l.substring(0, l.length() - 1));
        }
    }

    private record ModeScan(List<CellLocation> cells, List<FailedModel> failed, List<String> warnings) {}

    /**
     * Scans the mode directories, several at once where there are several (the common pool): discovery is serial work
     * before any cell can be analyzed, a few per cent of a cold report's wall time (docs/PERFORMANCE.md, "Round 5").
     * The results come back in the modes' order, so the layout is the same as a scan one mode after another.
     */
    private static List<ModeScan> scanModes(List<ModeDir> modeDirs, Optional<SweepManifest> manifest)
            throws IOException {
        try {
            return (modeDirs.size() > 1 ? modeDirs.parallelStream() : modeDirs.stream())
                    .map(md -> {
                        ModeScan scan = new ModeScan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                        try {
                            scanMode(md, manifest, scan.cells(), scan.failed(), scan.warnings());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return scan;
                    })
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void scanMode(
            ModeDir md,
            Optional<SweepManifest> manifest,
            List<CellLocation> cells,
            List<FailedModel> failed,
            List<String> warnings)
            throws IOException {
        List<BackendDir> backends = new ArrayList<>();
        for (Path child : subdirectories(md.dir())) {
            String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
            if (BACKEND_DIRS.contains(name) && !isModelDir(child)) {
                backends.add(new BackendDir(child.getFileName().toString(), child));
            }
        }
        if (backends.isEmpty()) {
            backends.add(new BackendDir("", md.dir()));
        }
        Optional<Path> modeLog = tegrastatsIn(md.dir());
        for (BackendDir b : backends) {
            Optional<Path> runLog = tegrastatsIn(b.dir()).or(() -> modeLog);
            List<Path> models = new ArrayList<>();
            for (Path child : subdirectories(b.dir())) {
                if (isModelDir(child)) {
                    models.add(child);
                }
            }
            if (manifest.isPresent()) {
                List<String> order = manifest.get().grid().models();
                models.sort(Comparator.comparingInt((Path p) -> {
                            int i = order.indexOf(p.getFileName().toString());
                            return i < 0 ? Integer.MAX_VALUE : i;
                        })
                        .thenComparing(p -> p.getFileName().toString()));
            }
            // A planned model with no directory at this mode still owes its cells (nothing is lost silently).
            for (String planned : manifest.map(m -> m.grid().models()).orElse(List.of())) {
                Path dir = b.dir().resolve(planned);
                if (!models.contains(dir)) {
                    models.add(dir);
                }
            }
            if (models.isEmpty()) {
                warnings.add("no model directories (<model>/gen<G>/ctx<C>) in " + b.dir());
            }
            for (Path modelDir : models) {
                String model = modelDir.getFileName().toString();
                Path failedFile = modelDir.resolve(FAILED);
                Optional<String> modelFailure =
                        Files.isRegularFile(failedFile) ? Optional.of(readReason(failedFile)) : Optional.empty();
                modelFailure.ifPresent(r -> failed.add(new FailedModel(model, md.mode(), modelDir, r)));
                List<CellLocation> found = new ArrayList<>();
                if (Files.isDirectory(modelDir)) {
                    scanModel(md.mode(), model, b, modelDir, runLog, found);
                }
                manifest.ifPresent(m -> addPlannedButMissing(m, md.mode(), model, b, modelDir, modelFailure, found));
                found.sort(Comparator.comparingInt(CellLocation::genTokens).thenComparingInt(CellLocation::ctxTokens));
                cells.addAll(found);
            }
        }
    }

    private record BackendDir(String name, Path dir) {}

    private static void scanModel(
            PowerMode mode, String model, BackendDir b, Path modelDir, Optional<Path> runLog, List<CellLocation> out)
            throws IOException {
        List<CellLocation> found = new ArrayList<>();
        for (Path genDir : subdirectories(modelDir)) {
            Matcher g = GEN.matcher(genDir.getFileName().toString());
            if (!g.matches()) {
                continue;
            }
            int gen = Integer.parseInt(g.group(1));
            for (Path ctxDir : subdirectories(genDir)) {
                Matcher c = CTX.matcher(ctxDir.getFileName().toString());
                if (!c.matches()) {
                    continue;
                }
                int ctx = Integer.parseInt(c.group(1));
                Optional<Path> summary = file(ctxDir, SUMMARY).or(() -> file(ctxDir, GENAI_SUMMARY));
                Optional<Path> records = file(ctxDir, RECORDS);
                Optional<Path> ownLog = tegrastatsIn(ctxDir);
                Optional<Path> log = ownLog.or(() -> runLog);
                Path failedFile = ctxDir.resolve(FAILED);
                Optional<String> reason =
                        Files.isRegularFile(failedFile) ? Optional.of(readReason(failedFile)) : Optional.empty();
                found.add(new CellLocation(
                        model,
                        mode,
                        b.name(),
                        ctx,
                        gen,
                        ctxDir,
                        summary,
                        records,
                        log,
                        ownLog.isEmpty() && log.isPresent(),
                        reason));
            }
        }
        out.addAll(found);
    }

    /**
     * Adds a failed location for every cell the manifest plans that has no directory: the cells of a model that could
     * not be served (reason: the model's {@code FAILED} text), or cells a run never reached.
     */
    private static void addPlannedButMissing(
            SweepManifest manifest,
            PowerMode mode,
            String model,
            BackendDir b,
            Path modelDir,
            Optional<String> modelFailure,
            List<CellLocation> found) {
        for (SweepGrid.Cell planned : manifest.grid().cells()) {
            if (!planned.mode().equals(mode) || !planned.model().equals(model)) {
                continue;
            }
            int ctx = planned.promptTokens();
            int gen = planned.genTokens();
            boolean present = found.stream().anyMatch(c -> c.genTokens() == gen && c.ctxTokens() == ctx);
            if (present) {
                continue;
            }
            Path dir = shapeDirectory(modelDir, ctx, gen);
            String reason = modelFailure
                    .map(r -> "model failed: " + r)
                    .orElse("missing: the manifest plans this cell but " + dir + " does not exist");
            found.add(new CellLocation(
                    model,
                    mode,
                    b.name(),
                    ctx,
                    gen,
                    dir,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.of(reason)));
        }
    }

    private static boolean isModelDir(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(FAILED))) {
            return true;
        }
        for (Path child : subdirectories(dir)) {
            if (GEN.matcher(child.getFileName().toString()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> tegrastatsIn(Path dir) {
        return file(dir, "tegrastats.log").or(() -> file(dir, "tegrastats.log.gz"));
    }

    private static Optional<Path> file(Path dir, String name) {
        Path f = dir.resolve(name);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    private static String readReason(Path failedFile) throws IOException {
        String text = Files.readString(failedFile, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "marked FAILED (no reason given)" : text;
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}
