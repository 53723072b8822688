package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.jetson.analysis.SweepGrid;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates a whole synthetic sweep in the tokjoule layout and returns its ground truth:
 *
 * <pre>
 * &lt;run&gt;/manifest.json
 * &lt;run&gt;/audit/start.json, audit/mode-&lt;MODE_LABEL&gt;.json   (where the parameters simulate a board: {@link SimulatedAudit})
 * &lt;run&gt;/&lt;MODE_LABEL&gt;/&lt;model&gt;/gen&lt;G&gt;/ctx&lt;C&gt;/profile_export_aiperf.json
 * &lt;run&gt;/&lt;MODE_LABEL&gt;/&lt;model&gt;/gen&lt;G&gt;/ctx&lt;C&gt;/profile_export.jsonl
 * &lt;run&gt;/&lt;MODE_LABEL&gt;/&lt;model&gt;/gen&lt;G&gt;/ctx&lt;C&gt;/tegrastats.log
 * &lt;run&gt;/&lt;MODE_LABEL&gt;/&lt;model&gt;/FAILED                 (an injected model failure: the reason)
 * &lt;run&gt;/&lt;MODE_LABEL&gt;/&lt;model&gt;/gen&lt;G&gt;/ctx&lt;C&gt;/FAILED      (an injected cell failure: the reason)
 * </pre>
 *
 * <p>Cells run in the grid's run order ({@link SweepGrid#cells()}: mode, model, then gen outer and ctx inner), one
 * after the other on one
 * clock: 10 s between cells, 30 s between models, 10 minutes between modes (a reboot). Each cell has its own seed,
 * derived from the sweep's random seed and the cell's identity, so adding or removing a model does not change the others.
 *
 * @since 0.1.0
 */
public final class SyntheticSweep {

    /** The {@code created_by} value of generated manifests. */
    public static final String CREATED_BY = "tokjoule-synthetic 0.1.0";

    private static final long CELL_GAP_NANOS = 10_000_000_000L;
    private static final long MODEL_GAP_NANOS = 30_000_000_000L;
    private static final long MODE_GAP_NANOS = 600_000_000_000L;

    private SyntheticSweep() {}

    /**
     * Generates a sweep into a directory (created if missing; existing files are overwritten).
     *
     * @param spec what to generate
     * @param runDirectory the run directory
     * @return the ground truth
     * @throws IOException if a file cannot be written
     */
    public static SweepTruth generate(SweepSpec spec, Path runDirectory) throws IOException {
        Files.createDirectories(runDirectory);
        SweepManifest manifest = manifest(spec);
        manifest.write(runDirectory.resolve(SweepManifest.FILE_NAME));
        SimulatedAudit.write(spec, runDirectory);
        List<CellTruth> cells = new ArrayList<>(spec.grid().cellCount());
        List<SweepTruth.InjectedFailure> failures = new ArrayList<>();
        long clock = TimeWindow.toEpochNanos(spec.start());
        Optional<SweepGrid.Cell> previous = Optional.empty();
        for (SweepGrid.Cell c : spec.grid().cells()) {
            boolean firstOfModel = previous.isEmpty()
                    || !previous.get().model().equals(c.model())
                    || !previous.get().mode().equals(c.mode());
            if (firstOfModel && previous.isPresent()) {
                clock += MODEL_GAP_NANOS;
                if (!previous.get().mode().equals(c.mode())) {
                    clock += MODE_GAP_NANOS;
                }
            }
            previous = Optional.of(c);
            Optional<String> modelFailure = spec.modelFailure(c.model(), c.modeLabel());
            if (modelFailure.isPresent()) {
                if (firstOfModel) {
                    Path modelDir = runDirectory.resolve(c.modeLabel()).resolve(c.model());
                    writeFailed(modelDir, modelFailure.get());
                    failures.add(new SweepTruth.InjectedFailure(
                            c.model(), c.modeLabel(), 0, 0, modelFailure.get(), modelDir));
                }
                continue;
            }
            Path cellDir = c.directory(runDirectory);
            SyntheticCell cell = SyntheticCell.simulate(spec.cellSpec(c, clock));
            Optional<String> cellFailure = spec.cellFailure(c);
            if (cellFailure.isPresent()) {
                cell.writeTegrastatsLog(cellDir.resolve("tegrastats.log"));
                writeFailed(cellDir, cellFailure.get());
                failures.add(new SweepTruth.InjectedFailure(
                        c.model(), c.modeLabel(), c.promptTokens(), c.genTokens(), cellFailure.get(), cellDir));
            } else {
                cell.writeAll(cellDir);
            }
            cells.add(cell.truth());
            clock = cell.truth().logEndEpochNanos() + CELL_GAP_NANOS;
        }
        return new SweepTruth(runDirectory, manifest, cells, failures);
    }

    /**
     * Returns the manifest a sweep is written with.
     *
     * @param spec the sweep
     * @return its manifest
     */
    public static SweepManifest manifest(SweepSpec spec) {
        return new SweepManifest(
                SweepManifest.FORMAT_VERSION,
                CREATED_BY,
                Optional.of(spec.zone()),
                spec.backend(),
                spec.grid(),
                spec.requestsPerCell(),
                1,
                spec.intervalMillis(),
                "synthetic sweep, random seed " + spec.randomSeed()
                        + "; per-cell tegrastats logs; true energies known (tokjoule SyntheticSweep)");
    }

    private static void writeFailed(Path dir, String reason) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("FAILED"), reason + "\n", StandardCharsets.UTF_8);
    }
}
