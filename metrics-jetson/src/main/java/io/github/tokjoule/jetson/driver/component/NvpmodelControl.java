package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link PowerModeControl} with {@code nvpmodel} and {@code jetson_clocks} (docs/reference/seed-methodology.md §1.2 steps 4–6, with the
 * v2 driver's strict verification): {@code nvpmodel -m N} (reboot prompt answered {@code no}), {@code jetson_clocks},
 * optionally {@code jetson_clocks --fan}, then {@code nvpmodel -q} must report mode N.
 *
 * <p>Verification: when {@code nvpmodel -q} prints the id, it must equal the plan's id; a different label with the
 * right id is accepted (the plan's label names the directory, nvpmodel's is reported in the status). When no id is
 * printed, the label must match, ignoring case.
 *
 * @since 0.1.0
 */
public final class NvpmodelControl implements PowerModeControl {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Duration timeout;

    private NvpmodelControl(ProcessRunner runner, JetsonCommands commands, Duration timeout) {
        this.runner = runner;
        this.commands = commands;
        this.timeout = timeout;
    }

    /**
     * Returns the control.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param timeout the time limit of each command
     * @return the control
     */
    public static NvpmodelControl create(ProcessRunner runner, JetsonCommands commands, Duration timeout) {
        return new NvpmodelControl(runner, commands, timeout);
    }

    /**
     * Returns whether nvpmodel output asks for a reboot ({@code Reboot required for changing to this power mode},
     * {@code DO YOU WANT TO REBOOT NOW?}).
     *
     * @param output the output
     * @return true if a reboot is required
     */
    public static boolean asksForReboot(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        return lower.contains("reboot required") || lower.contains("want to reboot");
    }

    @Override
    public PowerModeStatus apply(PowerMode mode) throws PowerModeException, IOException, InterruptedException {
        ProcessResult set = runner.run(commands.nvpmodelSet(mode), timeout);
        if (asksForReboot(set.output())) {
            throw new RebootRequiredException(mode, set.output());
        }
        require(set, "setting power mode " + mode.id() + " (" + mode.label() + ")");
        require(runner.run(commands.jetsonClocks(), timeout), "pinning clocks");
        if (commands.plan().jetsonClocksFan()) {
            require(runner.run(commands.jetsonClocksFan(), timeout), "setting the fan");
        }
        PowerModeStatus status = query();
        boolean verified = status.id().isPresent()
                ? status.id().getAsInt() == mode.id()
                : status.label().map(l -> l.equalsIgnoreCase(mode.label())).orElse(false);
        if (!verified) {
            throw new PowerModeException("power mode " + mode.id() + " (" + mode.label() + ") was set but nvpmodel -q"
                    + " reports " + status.label().orElse("no label") + " / "
                    + (status.id().isPresent() ? "id " + status.id().getAsInt() : "no id")
                    + "; refusing to measure in the wrong mode. Output: \""
                    + status.output().strip().replaceAll("\\R+", " | ") + "\"");
        }
        return status;
    }

    @Override
    public PowerModeStatus query() throws PowerModeException, IOException, InterruptedException {
        ProcessResult result = runner.run(commands.nvpmodelQuery(), timeout);
        require(result, "querying the power mode");
        return PowerModeStatus.parse(result.output());
    }

    private static void require(ProcessResult result, String what) throws PowerModeException {
        if (!result.succeeded()) {
            throw new PowerModeException(what + " failed: " + result.describeFailure());
        }
    }

    /**
     * Returns the commands {@link #apply} runs, in order (for dry runs).
     *
     * @param commands the command builder
     * @param mode the mode
     * @return the commands
     */
    public static List<Command> commandsFor(JetsonCommands commands, PowerMode mode) {
        List<Command> list = new ArrayList<>();
        list.add(commands.nvpmodelSet(mode));
        list.add(commands.jetsonClocks());
        if (commands.plan().jetsonClocksFan()) {
            list.add(commands.jetsonClocksFan());
        }
        list.add(commands.nvpmodelQuery());
        return list;
    }
}
