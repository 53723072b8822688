package io.github.tokjoule.examples;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.PlannedCommand;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header {@code tokjoule plan} prints above the steps: what each kind of step means, how long the sweep will
 * take, what runs as root, what the sweep leaves changed on the board, and every model file that is missing. Every
 * line starts with {@code #}, like the mode, model and cell headings among the steps, so the step lines stay easy to
 * filter ({@code grep -v '^#'}).
 *
 * <p>Duration: the pauses are exact (every SLEEP of the dry run: cooldowns, the wait for a tegrastats sample, counted
 * as one sampling interval); the requests are an estimate, {@code (requests + warm-up) / concurrency × (prompt tokens /
 * prefill rate + output tokens / decode rate)} per cell at the assumed rates ({@code --assume-decode-tok-s},
 * {@code --assume-prefill-tok-s}); model loads and smoke tests are not estimated.
 */
final class PlanHeader {

    /** What each kind of step means, in the order of {@link PlannedCommand.Kind}. */
    private static final Map<PlannedCommand.Kind, String> LEGEND = legend();

    private PlanHeader() {}

    private static Map<PlannedCommand.Kind, String> legend() {
        Map<PlannedCommand.Kind, String> m = new EnumMap<>(PlannedCommand.Kind.class);
        m.put(PlannedCommand.Kind.RUN, "run a process and wait for it to finish");
        m.put(PlannedCommand.Kind.START, "start a background process (server, tegrastats)");
        m.put(PlannedCommand.Kind.STOP, "stop a process started earlier (SIGTERM to that process only)");
        m.put(PlannedCommand.Kind.HTTP, "an HTTP request to the inference server");
        m.put(PlannedCommand.Kind.WRITE, "write a file");
        m.put(PlannedCommand.Kind.SLEEP, "pause (cooldowns; the wait for the first tegrastats sample)");
        m.put(PlannedCommand.Kind.NOTE, "which mode, model or cell the following steps belong to");
        return m;
    }

    /**
     * The header's lines.
     *
     * @param plan the plan
     * @param steps the dry run's steps
     * @param decodeTokensPerSecond the assumed decode rate of one request
     * @param prefillTokensPerSecond the assumed prefill rate
     * @param missingFiles the plan's missing model files, each {@code "$.json.path: file: why"}
     * @return the lines, each starting with {@code #}
     */
    static List<String> lines(
            SweepPlan plan,
            List<PlannedCommand> steps,
            double decodeTokensPerSecond,
            double prefillTokensPerSecond,
            List<String> missingFiles) {
        List<String> l = new ArrayList<>();
        l.add("# tokjoule plan " + plan.source() + ": " + plan.grid().cellCount() + " cells ("
                + plan.grid().modes().size()
                + " power modes x " + plan.models().size() + " models x "
                + plan.grid().genLengths().size() + " gen x "
                + plan.grid().promptLengths().size() + " ctx), " + plan.requestsPerCell() + " requests each + "
                + plan.warmupRequests() + " warm-up, concurrency " + plan.concurrency());
        l.add("#");
        l.add("# Legend: one step per line below, in the order the sweep runs them.");
        for (Map.Entry<PlannedCommand.Kind, String> e : LEGEND.entrySet()) {
            String k = e.getKey() == PlannedCommand.Kind.NOTE
                    ? "# ..."
                    : e.getKey().name();
            l.add(String.format(Locale.ROOT, "#   %-6s %s", k, e.getValue()));
        }
        l.add("#");
        duration(l, plan, steps, decodeTokensPerSecond, prefillTokensPerSecond);
        l.add("#");
        privileged(l, steps);
        l.add("#");
        lasting(l, plan);
        l.add("#");
        if (missingFiles.isEmpty()) {
            l.add("# Model files: all " + plan.models().size() + " present.");
        } else {
            l.add("# MISSING model files (" + missingFiles.size() + "): the sweep would stop before it runs anything.");
            for (String m : missingFiles) {
                l.add("#   " + m);
            }
        }
        l.add("#");
        return l;
    }

    private static void duration(
            List<String> l, SweepPlan plan, List<PlannedCommand> steps, double decodeRate, double prefillRate) {
        Duration pauses = Duration.ZERO;
        int sleeps = 0;
        for (PlannedCommand s : steps) {
            if (s.kind() == PlannedCommand.Kind.SLEEP) {
                sleeps++;
                pauses = pauses.plus(s.pause());
            }
        }
        double requestSeconds = 0;
        int rounds = (plan.requestsPerCell() + plan.warmupRequests() + plan.concurrency() - 1) / plan.concurrency();
        for (PlannedCell c : plan.cells()) {
            requestSeconds += rounds * (c.promptTokens() / prefillRate + c.genTokens() / decodeRate);
        }
        Duration requests = Duration.ofMillis(Math.round(requestSeconds * 1000));
        int loads = plan.grid().modes().size() * plan.models().size(); // one server start per model and mode
        l.add("# Estimated duration: about " + human(pauses.plus(requests)) + ", not counting model loads");
        l.add("#   pauses:   " + human(pauses) + " in " + sleeps + " SLEEP steps (exact, before any inference)");
        l.add(String.format(
                Locale.ROOT,
                "#   requests: about %s: per cell %d round(s) of (requests + warm-up) / concurrency, each prompt /"
                        + " %.0f tok/s + output / %.0f tok/s (assumed rates: --assume-prefill-tok-s,"
                        + " --assume-decode-tok-s; measure yours with one cell)",
                human(requests),
                rounds,
                prefillRate,
                decodeRate));
        l.add("#   not counted: " + loads + " model loads (each waits at most "
                + human(plan.timeouts().serverStartup()) + " for the server) and their smoke tests");
    }

    private static void privileged(List<String> l, List<PlannedCommand> steps) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PlannedCommand s : steps) {
            if (s.privileged()) {
                counts.merge(s.kind().name() + " " + withoutPaths(s.text()), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            l.add("# Privileged steps: none.");
            return;
        }
        l.add("# Privileged steps (run as root through sudo -n: allow exactly these in sudoers, see docs/DRIVER.md):");
        counts.forEach((text, n) -> l.add("#   " + text + (n > 1 ? "   (x" + n + ")" : "")));
        // Not a step of the plan: the driver's dense hwmon sampler promotes its own thread once per cell
        // (DenseTegrastatsRecorder), through the same prefix, where the board has INA3221 rails
        long cells = steps.stream()
                .filter(s -> s.kind() == PlannedCommand.Kind.START
                        && s.privileged()
                        && s.text().contains("tegrastats"))
                .count();
        l.add("#   RUN sudo -n chrt -f -p 10 <the hwmon sampler's thread>" + (cells > 1 ? "   (x" + cells + ")" : "")
                + "   (where the board has INA3221 rails; refused: sampled at normal priority, said in the cell)");
    }

    /** The command with every path shortened to "…", so that the per-cell copies of one command group together. */
    static String withoutPaths(String text) {
        StringBuilder b = new StringBuilder();
        for (String token : text.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(token.indexOf('/') >= 0 && !token.startsWith("(") ? "…" : token);
        }
        return b.toString();
    }

    private static void lasting(List<String> l, SweepPlan plan) {
        List<PowerMode> modes = plan.grid().modes();
        PowerMode last = modes.get(modes.size() - 1);
        l.add("# Lasting changes (they stay after the sweep, until you change them or reboot):");
        l.add("#   - power mode left at " + last.label() + " (nvpmodel -m " + last.id() + "), the sweep's last; restore"
                + " yours with: sudo nvpmodel -m <id>");
        l.add(
                "#   - nvpmodel's reboot prompt is answered \"no\": a mode that needs a reboot stops the sweep (reboot, then"
                        + " tokjoule sweep --resume); the board is never rebooted for you");
        l.add("#   - clocks pinned at their maximum by jetson_clocks (no --store is taken): they stay pinned until"
                + " reboot");
        if (plan.jetsonClocksFan()) {
            l.add("#   - fan at full speed (jetson_clocks --fan) until reboot");
        }
        l.add("#   - files: only under the run directory (and the page cache compaction, which leaves nothing)");
    }

    /** {@return a duration as "1 h 25 min", "3 min 20 s" or "45 s"} */
    static String human(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s >= 3600) {
            long minutes = Math.round(s / 60.0);
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        if (s >= 60) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s + " s";
    }
}
