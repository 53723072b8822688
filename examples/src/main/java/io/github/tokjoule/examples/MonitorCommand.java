package io.github.tokjoule.examples;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.live.source.HwmonSource;
import io.github.tokjoule.live.source.JitterHistogram;
import io.github.tokjoule.live.source.NvidiaSmiSource;
import io.github.tokjoule.live.source.PowerSource;
import io.github.tokjoule.live.source.RaplSource;
import io.github.tokjoule.live.source.SourceStatus;
import io.github.tokjoule.live.source.TegrastatsSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokjoule monitor [--source hwmon|tegrastats|nvidia-smi|rapl]… [--sysfs-root DIR] [--interval-ms N]
 * [--duration D] [--out FILE.csv|FILE.jsonl]}: live power of one or more sources, a terminal view refreshed every
 * second (rails, watts now, joules so far, sampling jitter, failures) and a log in the format of
 * {@link LiveLog} (docs/LIVE.md). Ctrl-C stops the sources, writes every sample taken to the log and closes it.
 *
 * <p>Exit codes: 0 the run ended (at {@code --duration} or Ctrl-C) with every source running; 1 a source could not
 * start, or stopped, failed reads or stalled during the run (stalled: still running but without a sample for the
 * run's last 10 nominal intervals, at least 1 s; the log still holds every sample taken, and stderr says what failed);
 * 2 usage.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = "Measure power live (Jetson INA3221 through hwmon, tegrastats, nvidia-smi, RAPL) with a terminal"
                + " view and a CSV or JSON Lines log.")
public final class MonitorCommand implements java.util.concurrent.Callable<Integer> {

    /** The sources. */
    enum Source {
        hwmon,
        tegrastats,
        @SuppressWarnings("checkstyle:MemberName")
        nvidia_smi,
        rapl
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** The longest {@code --duration} in hours: {@link Long#MAX_VALUE} nanoseconds, rounded down. */
    static final long MAX_HOURS = Long.MAX_VALUE / TimeUnit.HOURS.toNanos(1);

    private static final long STALL_FLOOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            split = ",",
            converter = SourceConverter.class,
            description = "hwmon (default; the Jetson's INA3221 rails), tegrastats, nvidia-smi or rapl; repeat or"
                    + " separate with commas for several.")
    List<Source> sources = new ArrayList<>(List.of(Source.hwmon));

    @Option(
            names = "--sysfs-root",
            paramLabel = "DIR",
            defaultValue = "/sys",
            description = "The sysfs root for hwmon" + " and rapl (default /sys; a copy or a fake tree for tests).")
    Path sysfsRoot = Path.of("/sys");

    @Option(
            names = "--interval-ms",
            paramLabel = "N",
            description = "Sampling interval in ms (default 10 for hwmon and rapl, 100 for tegrastats and nvidia-smi).")
    @Nullable
    Integer intervalMillis;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "How long to run: 500ms, 3s, 2m, 1h (default: until Ctrl-C).")
    @Nullable
    String duration;

    @Option(names = "--out", paramLabel = "FILE", description = "The log: FILE.csv or FILE.jsonl (docs/LIVE.md).")
    @Nullable
    Path out;

    @Option(
            names = "--tegrastats",
            paramLabel = "COMMAND",
            defaultValue = "tegrastats",
            description = "The tegrastats command, split at spaces; --interval N is appended (default tegrastats;"
                    + " e.g. 'sudo -n tegrastats').")
    String tegrastatsCommand = "tegrastats";

    @Option(
            names = "--nvidia-smi",
            paramLabel = "PATH",
            defaultValue = "nvidia-smi",
            description = "The nvidia-smi executable (default nvidia-smi).")
    String nvidiaSmi = "nvidia-smi";

    @Option(names = "--gpu", paramLabel = "N", defaultValue = "0", description = "The GPU index for nvidia-smi.")
    int gpu;

    @Option(
            names = "--capacity",
            paramLabel = "SAMPLES",
            defaultValue = "360000",
            description = "Samples kept in memory per source (default 360000: one hour at 100 Hz).")
    int capacity = 360_000;

    @Option(
            names = "--realtime",
            paramLabel = "PRIORITY",
            defaultValue = "10",
            description = "Run the hwmon and rapl sampler threads under SCHED_FIFO at this priority (1-99; needs root"
                    + " or CAP_SYS_NICE and chrt): keeps 100 Hz deadlines on a loaded machine. Default 10; where it"
                    + " is refused the sources sample at normal priority and stderr says so. 0: do not ask.")
    int realtime;

    @Option(
            names = "--refresh-ms",
            paramLabel = "N",
            defaultValue = "1000",
            description = "How often the view is redrawn and the log written (default 1000).")
    int refreshMillis = 1000;

    /** Converts {@code nvidia-smi} (the tool's name) to {@link Source#nvidia_smi}. */
    static final class SourceConverter implements CommandLine.ITypeConverter<Source> {
        @Override
        public Source convert(String value) {
            try {
                return Source.valueOf(value.toLowerCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "unknown source '" + value + "': use hwmon, tegrastats, nvidia-smi or rapl");
            }
        }
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 3s}, {@code 2m} or {@code 1h}.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is not a whole number and one of those units
     */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "--duration '" + text + "' is not a whole number with ms, s, m or h (e.g. 3s, 2m)");
        }
        Duration d;
        try {
            TimeUnit unit =
                    switch (m.group(2)) {
                        case "ms" -> TimeUnit.MILLISECONDS;
                        case "s" -> TimeUnit.SECONDS;
                        case "m" -> TimeUnit.MINUTES;
                        default -> TimeUnit.HOURS;
                    };
            // the run's end is kept in nanoseconds: multiplyExact throws past Long.MAX_VALUE
            d = Duration.ofNanos(Math.multiplyExact(Long.parseLong(m.group(1)), unit.toNanos(1)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--duration '" + text + "' is too long: at most " + MAX_HOURS
                    + "h (292 years); leave it out to" + " run until Ctrl-C");
        }
        if (d.isZero()) {
            throw new IllegalArgumentException(
                    "--duration '" + text + "' is zero: give a positive duration, or leave it out to run until Ctrl-C");
        }
        return d;
    }

    /**
     * How long a running source may go without a sample before it counts as stalled: 10 of its nominal intervals,
     * at least 1 s. Why 1 s: a tool's lines (tegrastats, nvidia-smi) can arrive a few hundred ms apart without anything
     * being wrong, and a sampler woken late by a loaded machine is late by tens of ms, not a second.
     *
     * @param nominalIntervalNanos the source's longest nominal sampling interval
     * @return the limit in ns
     */
    static long stallLimitNanos(long nominalIntervalNanos) {
        return Math.max(STALL_FLOOR_NANOS, 10 * nominalIntervalNanos);
    }

    /** Nanoseconds since the source's newest sample (since the run's start if it has none). */
    private static long silenceNanos(PowerSource s, LiveClock clock, long startEpochNanos) {
        long newest = startEpochNanos;
        for (LiveTrace t : s.traces()) {
            newest = Math.max(newest, t.lastEpochNanos().orElse(startEpochNanos));
        }
        return clock.nowEpochNanos() - newest;
    }

    /** Whether a running source has gone longer than {@link #stallLimitNanos(long)} without a sample. */
    private static boolean stalled(PowerSource s, long silenceNanos) {
        return silenceNanos > stallLimitNanos(nominalIntervalNanos(s));
    }

    private static long nominalIntervalNanos(PowerSource s) {
        return s.traces().stream()
                .mapToLong(LiveTrace::nominalIntervalNanos)
                .max()
                .orElse(0);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        @Nullable Duration limit;
        try {
            limit = duration == null ? null : parseDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((intervalMillis != null && intervalMillis < 1)
                || capacity < 2
                || refreshMillis < 1
                || realtime < 0
                || realtime > 99) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--interval-ms, --refresh-ms must be at least 1, --capacity at least 2, --realtime 0 to 99");
        }
        if (sources.contains(Source.hwmon) || sources.contains(Source.rapl)) {
            Inputs.requireDirectory(spec, "--sysfs-root", sysfsRoot);
        }
        LiveClock clock = LiveClock.system();
        List<PowerSource> started = new ArrayList<>();
        try {
            for (Source s : new java.util.LinkedHashSet<>(sources)) {
                PowerSource source = open(s, clock);
                source.start();
                started.add(source);
            }
        } catch (IOException e) {
            started.forEach(PowerSource::close);
            err.println("tokjoule monitor: " + TokJoule.describe(e));
            return TokJoule.FAILED;
        }
        for (PowerSource s : started) {
            String rt = s.status().facts().getOrDefault("realtime", "off");
            if (rt.startsWith("refused")) {
                err.println("tokjoule monitor: " + s.name() + ": real-time priority " + rt
                        + " (100 Hz deadlines may slip on a loaded machine: run as root or with CAP_SYS_NICE;"
                        + " --realtime 0 to not ask)");
            }
        }
        err.flush();
        return run(started, clock, limit, stdout, err);
    }

    private PowerSource open(Source s, LiveClock clock) throws IOException, InterruptedException {
        long defaultMillis = s == Source.hwmon || s == Source.rapl ? 10 : 100;
        long nanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis == null ? defaultMillis : intervalMillis);
        return switch (s) {
            case hwmon -> {
                HwmonSource source = HwmonSource.open(sysfsRoot, nanos, capacity, clock);
                source.realtimePriority(realtime);
                yield source;
            }
            case rapl -> {
                RaplSource source = RaplSource.open(sysfsRoot, nanos, capacity, clock);
                source.realtimePriority(realtime);
                yield source;
            }
            case tegrastats -> {
                List<String> command =
                        new ArrayList<>(Arrays.asList(tegrastatsCommand.trim().split("\\s+")));
                command.add("--interval");
                command.add(Long.toString(TimeUnit.NANOSECONDS.toMillis(nanos)));
                yield TegrastatsSource.create(command, nanos, capacity, clock);
            }
            case nvidia_smi -> NvidiaSmiSource.probe(nvidiaSmi, gpu, nanos, capacity, clock);
        };
    }

    private int run(
            List<PowerSource> sources, LiveClock clock, @Nullable Duration limit, PrintWriter stdout, PrintWriter err)
            throws IOException {
        List<LiveTrace> traces = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (PowerSource s : sources) {
            traces.addAll(s.traces());
            // silent_ms is how long a tool had been quiet when the log was opened: a moment's state, not a fact.
            s.status().facts().forEach((k, v) -> {
                if (!k.equals("silent_ms")) {
                    comments.add(s.name() + " " + k + ": " + v);
                }
            });
        }
        LiveLog.LogWriter log = out == null ? null : LiveLog.open(out, traces, comments);
        long startNanos = System.nanoTime();
        long startEpochNanos = clock.nowEpochNanos();
        long endNanos = limit == null ? Long.MAX_VALUE : startNanos + limit.toNanos();
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        boolean[] interrupted = {false};
        EndingSignal.install(); // so that the summary names the signal that stopped the run
        Thread hook = new Thread(() -> {
            interrupted[0] = true;
            LockSupport.unpark(main);
            try {
                finished.await(10, TimeUnit.SECONDS); // let the loop below flush and close the log
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!interrupted[0] && System.nanoTime() - endNanos < 0) {
                long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(refreshMillis), endNanos - System.nanoTime());
                LockSupport.parkNanos(Math.max(0, wait));
                if (log != null) {
                    log.drain();
                }
                view(
                        sources,
                        System.nanoTime() - startNanos,
                        stdout,
                        sources.stream().map(s -> s.status().running()).toList(),
                        sources.stream()
                                .map(s -> silenceNanos(s, clock, startEpochNanos))
                                .toList());
            }
            List<Boolean> runningAtEnd =
                    sources.stream().map(s -> s.status().running()).toList();
            List<Long> silenceAtEnd = sources.stream()
                    .map(s -> silenceNanos(s, clock, startEpochNanos))
                    .toList();
            boolean allRunning = !runningAtEnd.contains(false);
            List<Boolean> stalled = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                stalled.add(runningAtEnd.get(i) && stalled(sources.get(i), silenceAtEnd.get(i)));
            }
            sources.forEach(PowerSource::close);
            if (log != null) {
                log.close();
            }
            stdout.println(interrupted[0] ? "Stopped (" + EndingSignal.describe() + "); summary:" : "Done; summary:");
            view(sources, System.nanoTime() - startNanos, stdout, runningAtEnd, silenceAtEnd);
            if (out != null && log != null) {
                stdout.println("Log: " + out.toAbsolutePath() + " (" + log.rows() + " rows"
                        + (log.skipped() > 0 ? ", " + log.skipped() + " samples evicted before they were written" : "")
                        + ")");
            }
            stdout.flush();
            boolean failed = !allRunning
                    || stalled.contains(true)
                    || sources.stream().anyMatch(s -> s.status().failures() > 0);
            if (failed) {
                for (int i = 0; i < sources.size(); i++) {
                    PowerSource s = sources.get(i);
                    SourceStatus st = s.status();
                    if (stalled.get(i)) {
                        err.println(String.format(
                                Locale.ROOT,
                                "tokjoule monitor: %s stalled: no sample in the last %.1f s of the run (more than"
                                        + " %.1f s without one); the log ends at its last sample",
                                s.name(),
                                silenceAtEnd.get(i) / 1e9,
                                stallLimitNanos(nominalIntervalNanos(s)) / 1e9));
                    }
                    if (!runningAtEnd.get(i)) {
                        err.println("tokjoule monitor: " + s.name() + " stopped during the run"
                                + st.lastProblem().map(p -> ": " + p).orElse(""));
                    }
                    if (st.failures() > 0) {
                        err.println("tokjoule monitor: " + s.name() + ": " + st.failures() + " failed reads"
                                + st.lastProblem().map(p -> "; last: " + p).orElse(""));
                    }
                }
                err.flush();
            }
            return failed ? TokJoule.FAILED : TokJoule.OK;
        } finally {
            finished.countDown();
            if (!interrupted[0]) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /**
     * One block: per source its health, per rail the power now and the energy so far. {@code running} is each
     * source's state to show: in the summary, as it was before the command closed the sources, so that only a source
     * that stopped on its own is marked STOPPED; {@code silence} the time since each source's newest sample, shown
     * as STALLED beyond {@link #stallLimitNanos(long)}.
     */
    private static void view(
            List<PowerSource> sources,
            long elapsedNanos,
            PrintWriter stdout,
            List<Boolean> running,
            List<Long> silence) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "-- %.1f s --%n", elapsedNanos / 1e9));
        for (int i = 0; i < sources.size(); i++) {
            PowerSource s = sources.get(i);
            SourceStatus st = s.status();
            b.append(String.format(
                    Locale.ROOT,
                    "%s: %d samples, %d failed, %d missed deadlines%s%s%n",
                    s.name(),
                    st.samples(),
                    st.failures(),
                    st.missedDeadlines(),
                    jitter(s),
                    !running.get(i)
                            ? ", STOPPED"
                            : stalled(s, silence.get(i))
                                    ? String.format(
                                            Locale.ROOT, ", STALLED: no sample for %.1f s", silence.get(i) / 1e9)
                                    : ""));
            for (LiveTrace t : s.traces()) {
                for (int r = 0; r < t.rails().size(); r++) {
                    b.append(String.format(
                            Locale.ROOT,
                            "  %-28s %10.3f W %14.3f J%n",
                            t.source() + "/" + t.rails().get(r),
                            t.latestWatts(r),
                            t.totalJoules(r)));
                }
            }
        }
        stdout.print(b);
        stdout.flush();
    }

    private static String jitter(PowerSource s) {
        JitterHistogram h =
                s instanceof HwmonSource hw ? hw.jitter() : s instanceof RaplSource rapl ? rapl.jitter() : null;
        if (h == null || h.total() == 0) {
            Map<String, String> facts = s.status().facts();
            return facts.containsKey("silent_ms") ? ", silent " + facts.get("silent_ms") + " ms" : "";
        }
        return String.format(
                Locale.ROOT,
                ", lateness p50 ≤ %.1f ms, p99 ≤ %.1f ms, %.2f %% within 2 ms",
                h.quantileUpperNanos(0.5) / 1e6,
                h.quantileUpperNanos(0.99) / 1e6,
                100 * h.fractionWithin(2_000_000));
    }
}
