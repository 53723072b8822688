package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.plan.Backend;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds every command line the driver runs, from the plan and the sudo prefix. The privileged ones — and only
 * those — carry the prefix: {@code nvpmodel}, {@code jetson_clocks}, {@code tegrastats} (root sees every rail and
 * clock) and {@code tee /proc/sys/vm/compact_memory}.
 *
 * <p>aiperf gets the seed's flags (docs/reference/seed-methodology.md §1.3) plus the fixes: {@code --warmup-request-count},
 * {@code --output-tokens-stddev 0} written out, output-length control ({@code --extra-inputs ignore_eos:true
 * --extra-inputs min_tokens:<GEN>} for llama.cpp, {@code --use-legacy-max-tokens} for Ollama), and
 * {@code --artifact-dir} per cell.
 *
 * @since 0.1.0
 */
public final class JetsonCommands {

    /** The programs run through the sudo prefix. */
    public static final Set<String> PRIVILEGED_PROGRAMS = Set.of("nvpmodel", "jetson_clocks", "tegrastats", "tee");

    private final SweepPlan plan;
    private final List<String> sudoPrefix;

    private JetsonCommands(SweepPlan plan, List<String> sudoPrefix) {
        this.plan = plan;
        this.sudoPrefix = List.copyOf(sudoPrefix);
    }

    /**
     * Returns the command builder of a plan.
     *
     * @param plan the plan
     * @param sudoPrefix the words put before privileged commands, e.g. {@code [sudo, -n]}; empty when the driver
     *     already runs as root (or in tests)
     * @return the builder
     * @throws IllegalArgumentException if a prefix word is empty
     */
    public static JetsonCommands of(SweepPlan plan, List<String> sudoPrefix) {
        for (String word : sudoPrefix) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("sudoPrefix must not hold empty words: " + sudoPrefix);
            }
        }
        return new JetsonCommands(plan, sudoPrefix);
    }

    /**
     * Returns the plan.
     *
     * @return the plan
     */
    public SweepPlan plan() {
        return plan;
    }

    /**
     * Returns the sudo prefix.
     *
     * @return the prefix
     */
    public List<String> sudoPrefix() {
        return sudoPrefix;
    }

    private Command privileged(String... argv) {
        return Command.of(argv).prefixedWith(sudoPrefix);
    }

    /**
     * {@code sudo nvpmodel -m <id>}, answering {@code no} to its reboot prompt (the seed's v2 piped {@code yes},
     * which reboots the board in the middle of a sweep).
     *
     * @param mode the mode
     * @return the command
     */
    public Command nvpmodelSet(PowerMode mode) {
        return privileged("nvpmodel", "-m", Integer.toString(mode.id())).withStdin("no\n");
    }

    /**
     * {@code sudo nvpmodel -q}.
     *
     * @return the command
     */
    public Command nvpmodelQuery() {
        return privileged("nvpmodel", "-q");
    }

    /**
     * {@code sudo jetson_clocks}: pins CPU, GPU and EMC clocks at the mode's maximum.
     *
     * @return the command
     */
    public Command jetsonClocks() {
        return privileged("jetson_clocks");
    }

    /**
     * {@code sudo jetson_clocks --fan}: fan at full speed (the seed ran it after {@code jetson_clocks}).
     *
     * @return the command
     */
    public Command jetsonClocksFan() {
        return privileged("jetson_clocks", "--fan");
    }

    /**
     * {@code sudo jetson_clocks --show}: the clocks, for the audit.
     *
     * @return the command
     */
    public Command jetsonClocksShow() {
        return privileged("jetson_clocks", "--show");
    }

    /**
     * {@code sudo tegrastats --interval <ms> --logfile <file>}.
     *
     * @param logFile the cell's {@code tegrastats.log}
     * @return the command
     */
    public Command tegrastats(Path logFile) {
        return privileged(
                "tegrastats",
                "--interval",
                Integer.toString(plan.tegrastatsIntervalMillis()),
                "--logfile",
                logFile.toAbsolutePath().toString());
    }

    /**
     * {@code sudo tee <file>} with {@code 1} on standard input: writes 1 to {@code /proc/sys/vm/compact_memory}.
     *
     * @param file the compaction file
     * @return the command
     */
    public Command compactMemory(Path file) {
        return privileged("tee", file.toString()).withStdin("1\n");
    }

    /**
     * {@code llama-server -m <gguf> --host <h> --port <p> -ngl 99 --parallel 1 -c <ctx> --no-cache-prompt
     * --cache-ram 0} (seed §1.3 step 2).
     *
     * @param model the model
     * @return the command
     */
    public Command llamaServer(ModelSpec model) {
        return Command.of(
                "llama-server",
                "-m",
                model.ggufPath().toString(),
                "--host",
                plan.server().host(),
                "--port",
                Integer.toString(plan.server().port()),
                "-ngl",
                "99",
                "--parallel",
                "1",
                "-c",
                Integer.toString(model.contextTokens()),
                "--no-cache-prompt",
                "--cache-ram",
                "0");
    }

    private String ollamaHost() {
        return plan.server().host() + ":" + plan.server().port();
    }

    /**
     * {@code OLLAMA_HOST=<h>:<p> ollama serve}, started only when no Ollama answers on the port.
     *
     * @return the command
     */
    public Command ollamaServe() {
        return Command.of("ollama", "serve").withEnvironment("OLLAMA_HOST", ollamaHost());
    }

    /**
     * {@code ollama create local-<name> -f <Modelfile>} (seed §1.4).
     *
     * @param model the model
     * @param modelfile the Modelfile
     * @return the command
     */
    public Command ollamaCreate(ModelSpec model, Path modelfile) {
        return Command.of("ollama", "create", model.ollamaName(), "-f", modelfile.toString())
                .withEnvironment("OLLAMA_HOST", ollamaHost());
    }

    /**
     * {@code ollama stop local-<name>}: unloads the model (seed §1.4).
     *
     * @param model the model
     * @return the command
     */
    public Command ollamaStop(ModelSpec model) {
        return Command.of("ollama", "stop", model.ollamaName()).withEnvironment("OLLAMA_HOST", ollamaHost());
    }

    /**
     * {@code <program> --version}, for the audit.
     *
     * @param program the program
     * @return the command
     */
    public Command version(String program) {
        return Command.of(program, "--version");
    }

    /**
     * Returns the model name aiperf sends: the model's name for llama.cpp, {@code local-<name>} for Ollama.
     *
     * @param model the model
     * @return the name
     */
    public String servedModelName(ModelSpec model) {
        return plan.backend() == Backend.OLLAMA ? model.ollamaName() : model.name();
    }

    /**
     * The aiperf command of one cell:
     *
     * <pre>{@code
     * aiperf profile --model <name> --streaming --endpoint-type chat --url http://<host>:<port>
     *   --tokenizer <tokenizer> --synthetic-input-tokens-mean <CTX> --synthetic-input-tokens-stddev 0
     *   --output-tokens-mean <GEN> --output-tokens-stddev 0 --request-count <N> --concurrency <C>
     *   [--slice-duration <S>] --random-seed <seed> --request-timeout-seconds <T>
     *   [--warmup-request-count <W>]
     *   [--extra-inputs ignore_eos:true --extra-inputs min_tokens:<GEN>]     llama.cpp, output-length control on
     *   [--use-legacy-max-tokens]                                             Ollama, output-length control on
     *   --artifact-dir <cell dir>
     * }</pre>
     *
     * @param cell the cell
     * @param artifactDir the cell's directory
     * @return the command
     */
    public Command aiperf(PlannedCell cell, Path artifactDir) {
        List<String> a = new ArrayList<>(List.of(
                "aiperf",
                "profile",
                "--model",
                servedModelName(cell.model()),
                "--streaming",
                "--endpoint-type",
                "chat",
                "--url",
                plan.server().baseUrl(),
                "--tokenizer",
                cell.model().tokenizer(),
                "--synthetic-input-tokens-mean",
                Integer.toString(cell.promptTokens()),
                "--synthetic-input-tokens-stddev",
                "0",
                "--output-tokens-mean",
                Integer.toString(cell.genTokens()),
                "--output-tokens-stddev",
                "0",
                "--request-count",
                Integer.toString(plan.requestsPerCell()),
                "--concurrency",
                Integer.toString(plan.concurrency())));
        if (plan.sliceDurationSeconds() > 0) {
            a.add("--slice-duration");
            a.add(Integer.toString(plan.sliceDurationSeconds()));
        }
        a.add("--random-seed");
        a.add(Long.toString(plan.randomSeed()));
        a.add("--request-timeout-seconds");
        a.add(seconds(plan.timeouts().request()));
        if (plan.warmupRequests() > 0) {
            a.add("--warmup-request-count");
            a.add(Integer.toString(plan.warmupRequests()));
        }
        if (plan.outputLengthControl()) {
            if (plan.backend() == Backend.LLAMA_CPP) {
                a.add("--extra-inputs");
                a.add("ignore_eos:true");
                a.add("--extra-inputs");
                a.add("min_tokens:" + cell.genTokens());
            } else {
                a.add("--use-legacy-max-tokens");
            }
        }
        a.add("--artifact-dir");
        a.add(artifactDir.toAbsolutePath().toString());
        return Command.of(a);
    }

    /**
     * Returns whether a command was built with the sudo prefix (always false when the prefix is empty).
     *
     * @param command the command
     * @return true if privileged
     */
    public boolean isPrivileged(Command command) {
        return !sudoPrefix.isEmpty()
                && command.argv().size() > sudoPrefix.size()
                && command.argv().subList(0, sudoPrefix.size()).equals(sudoPrefix);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
