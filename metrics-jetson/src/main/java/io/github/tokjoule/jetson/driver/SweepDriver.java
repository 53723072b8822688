package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.component.JetsonCommands;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.plan.Backend;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a sweep on a Jetson (DESIGN §7): for each power mode, set and verify it; for each model, start its server; for
 * each generation length and prompt length, record tegrastats and run aiperf into the cell's directory; validate the
 * cell; cool down. It reproduces the seed's driver (docs/reference/seed-methodology.md §1) and fixes what went wrong there:
 *
 * <ul>
 *   <li>a plan (JSON) instead of shell variables, validated before anything runs, stored with the run, and its
 *       fingerprint checked on resume (the seed resumed a run in whatever mode the command line said);
 *   <li>{@code nvpmodel -q} must report the mode (v1 only warned); a reboot prompt is declined and stops the sweep
 *       with its message (v2 answered {@code yes});
 *   <li>a warm-up request, and output-length control ({@code ignore_eos} + {@code min_tokens} for llama.cpp,
 *       {@code --use-legacy-max-tokens} for Ollama);
 *   <li>one tegrastats per cell, stopped by ending only its own process (the seed's {@code pkill -f} killed every
 *       tegrastats and llama-server on the board);
 *   <li>a cell is valid only with all requests (within a tolerance), a per-request file and a power log; an
 *       invalid cell is retried once, then marked FAILED with its reason (the seed kept broken cells);
 *   <li>a server that dies while loading is checked for out-of-memory signatures and its model marked FAILED with
 *       the reason; a server that dies during the sweep is restarted at most {@code maxRestartsPerModel} times;
 *   <li>a crash-safe journal, so an interruption (Ctrl-C, crash, reboot) loses at most the running cell;
 *   <li>a system audit (L4T, mode, clocks, CMA, tools) saved with the run; memory compaction after each server;
 *   <li>no shell anywhere: every process is started from an argument list.
 * </ul>
 *
 * <p>Interruption: interrupt the thread running {@link #run} or {@link #resume} (see
 * {@link #shutdownHook(Thread, Duration)} for Ctrl-C); the driver stops the processes it started, journals the
 * interruption and returns {@link SweepOutcome.Status#INTERRUPTED} with the thread's interrupt flag set.
 *
 * @since 0.1.0
 */
public final class SweepDriver {

    private final DriverSettings settings;

    private SweepDriver(DriverSettings settings) {
        this.settings = settings;
    }

    /**
     * Returns a driver.
     *
     * @param settings how it runs on this machine
     * @return the driver
     */
    public static SweepDriver create(DriverSettings settings) {
        return new SweepDriver(settings);
    }

    /**
     * Starts a new run in a directory that holds no run yet.
     *
     * @param plan the plan
     * @param runDir the run directory (created if needed)
     * @return how the session ended
     * @throws IOException if the run directory cannot be written
     * @throws IllegalStateException if the directory already holds a run, or an executable is missing
     * @throws IllegalArgumentException if the plan's zone is not the system's, or a model file is missing
     */
    public SweepOutcome run(SweepPlan plan, Path runDir) throws IOException {
        RunLayout layout = RunLayout.of(runDir);
        if (Files.exists(layout.journal()) || Files.exists(layout.planFile())) {
            throw new IllegalStateException(
                    "run directory " + layout.runDir() + " already holds a run; resume it instead of starting over");
        }
        check(plan);
        Files.createDirectories(layout.runDir());
        Files.writeString(layout.planFile(), plan.toJson(), StandardCharsets.UTF_8);
        RunManifest.write(layout, plan, settings.clock());
        return execute(plan, layout, JournalReplay.read(layout.journal()), false);
    }

    /**
     * Resumes a run with the plan stored in it ({@code <run>/plan.json}).
     *
     * @param runDir the run directory
     * @return how the session ended
     * @throws IOException if the run cannot be read or written
     * @throws ResumeRefusedException if the stored plan does not match the journal
     * @throws IllegalStateException if there is no run to resume, or an executable is missing
     */
    public SweepOutcome resume(Path runDir) throws IOException {
        RunLayout layout = RunLayout.of(runDir);
        if (!Files.exists(layout.planFile())) {
            throw new IllegalStateException("no run to resume in " + layout.runDir() + " (no plan.json)");
        }
        return resume(runDir, SweepPlan.read(layout.planFile()));
    }

    /**
     * Resumes a run, re-running only the cells that are missing or invalid (including FAILED cells and the cells of
     * FAILED models). Refuses a plan whose fingerprint differs from the one the run was started with.
     *
     * @param runDir the run directory
     * @param plan the plan, which must measure the same as the stored one
     * @return how the session ended
     * @throws IOException if the run cannot be read or written
     * @throws ResumeRefusedException if the plan differs from the recorded one
     * @throws IllegalStateException if there is no run to resume, or an executable is missing
     */
    public SweepOutcome resume(Path runDir, SweepPlan plan) throws IOException {
        RunLayout layout = RunLayout.of(runDir);
        if (!Files.exists(layout.journal()) && !Files.exists(layout.planFile())) {
            throw new IllegalStateException("no run to resume in " + layout.runDir());
        }
        JournalReplay replay = JournalReplay.read(layout.journal());
        if (replay.planFingerprints().size() > 1) {
            throw new ResumeRefusedException("the journal of " + layout.runDir() + " was written by several plans "
                    + replay.planFingerprints() + "; refusing to add to it");
        }
        String given = plan.fingerprint();
        if (Files.exists(layout.planFile())) {
            String stored = SweepPlan.read(layout.planFile()).fingerprint();
            if (!stored.equals(given)) {
                throw new ResumeRefusedException("the plan differs from the one the run was started with ("
                        + layout.planFile() + "): recorded " + stored + ", given " + given
                        + ". Resume with the stored plan, or start a new run directory.");
            }
        }
        Optional<String> recorded = replay.planFingerprint();
        if (recorded.isPresent() && !recorded.get().equals(given)) {
            throw new ResumeRefusedException("the plan differs from the one recorded in " + layout.journal()
                    + ": recorded " + recorded.get() + ", given " + given);
        }
        check(plan);
        if (!Files.exists(layout.planFile())) {
            Files.writeString(layout.planFile(), plan.toJson(), StandardCharsets.UTF_8);
        }
        if (!Files.exists(layout.manifest())) {
            RunManifest.write(layout, plan, settings.clock());
        }
        return execute(plan, layout, replay, true);
    }

    /**
     * Lists, in order, every command and request a run of the plan would make, without running anything. Model files
     * need not exist (a plan for another machine can be printed).
     *
     * @param plan the plan
     * @param runDir the run directory the paths refer to
     * @return the steps
     */
    public List<PlannedCommand> dryRun(SweepPlan plan, Path runDir) {
        RunLayout layout = RunLayout.of(runDir);
        JetsonCommands commands = JetsonCommands.of(plan, settings.sudoPrefix());
        Components components = settings.components().create(commands, layout, settings);
        return DryRun.steps(plan, layout, commands, components, settings);
    }

    /**
     * Returns a shutdown hook that interrupts the thread running a sweep and waits for it to stop its processes and
     * journal the interruption, e.g. {@code Runtime.getRuntime().addShutdownHook(SweepDriver.shutdownHook(
     * Thread.currentThread(), Duration.ofSeconds(60)))} before {@link #run}.
     *
     * @param sweepThread the thread that runs the sweep
     * @param wait the longest wait for it
     * @return the hook (not yet registered)
     */
    public static Thread shutdownHook(Thread sweepThread, Duration wait) {
        return new Thread(
                () -> {
                    sweepThread.interrupt();
                    try {
                        sweepThread.join(Math.max(1, wait.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "tokjoule-sweep-shutdown");
    }

    private void check(SweepPlan plan) {
        if (!plan.zone().getRules().equals(settings.systemZone().getRules())) {
            throw new IllegalArgumentException("the plan's zone " + plan.zone().getId() + " is not the system's zone "
                    + settings.systemZone().getId() + ": tegrastats and aiperf stamp local time in the system's zone,"
                    + " so the run would record the wrong zone. Remove \"zone\" from the plan or set it to "
                    + settings.systemZone().getId() + ".");
        }
        plan.checkModelFiles();
        if (settings.checkExecutables()) {
            List<String> missing = new ArrayList<>();
            for (String program : requiredPrograms(plan)) {
                if (settings.processRunner().which(program).isEmpty()) {
                    missing.add(program);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("not found on PATH: " + String.join(", ", missing)
                        + ". Install them or put them on PATH (docs/DRIVER.md lists the prerequisites).");
            }
        }
    }

    private List<String> requiredPrograms(SweepPlan plan) {
        List<String> programs = new ArrayList<>();
        if (!settings.sudoPrefix().isEmpty()) {
            programs.add(settings.sudoPrefix().get(0));
        }
        programs.add("nvpmodel");
        programs.add("jetson_clocks");
        programs.add("tegrastats");
        programs.add(plan.backend() == Backend.OLLAMA ? "ollama" : "llama-server");
        programs.add("aiperf");
        Path compact = settings.systemPaths().compactMemory();
        if (Files.exists(compact) && !Files.isWritable(compact)) {
            programs.add("tee");
        }
        return programs;
    }

    private SweepOutcome execute(SweepPlan plan, RunLayout layout, JournalReplay replay, boolean resumed)
            throws IOException {
        JetsonCommands commands = JetsonCommands.of(plan, settings.sudoPrefix());
        Components components = settings.components().create(commands, layout, settings);
        return new Session(plan, layout, components, settings).run(replay, resumed);
    }
}
