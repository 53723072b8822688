package io.github.tokjoule.jetson.driver.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessRunnerTest {

    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private LocalProcessRunner runner() {
        return LocalProcessRunner.create(Map.of(
                "PATH",
                tmp.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "GREETING",
                "hello"));
    }

    @Test
    void programsAreFoundOnTheChildsPathAndGetItsEnvironment() throws Exception {
        script("greet", "echo \"$GREETING $1 $EXTRA\"; echo oops >&2; exit 3");
        LocalProcessRunner runner = runner();
        ProcessResult r =
                runner.run(Command.of("greet", "world").withEnvironment("EXTRA", "!"), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.output()).isEqualTo("hello world !\noops\n");
        assertThat(r.describeFailure()).isEqualTo("`EXTRA='!' greet world` exited with code 3: hello world ! | oops");
        assertThat(runner.which("greet")).contains(tmp.resolve("bin/greet"));
        assertThat(runner.which("no-such-tool")).isEmpty();
        assertThat(LocalProcessRunner.resolve(tmp.resolve("bin/greet").toString(), Map.of()))
                .isPresent();
        assertThat(LocalProcessRunner.resolve(tmp.resolve("bin/none").toString(), Map.of()))
                .isEmpty();
        assertThatThrownBy(() -> LocalProcessRunner.create().run(Command.of("greet"), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("executable \"greet\" not found on PATH");
    }

    @Test
    void standardInputAndOutputFilesWork() throws Exception {
        script("upper", "tr a-z A-Z");
        LocalProcessRunner runner = runner();
        Path out = tmp.resolve("logs/upper.log");
        runner.run(Command.of("upper").withStdin("first\n").withOutput(out, true), Duration.ofSeconds(10));
        ProcessResult second =
                runner.run(Command.of("upper").withStdin("second\n").withOutput(out, true), Duration.ofSeconds(10));
        assertThat(Files.readString(out)).isEqualTo("FIRST\nSECOND\n");
        assertThat(second.output()).isEqualTo("FIRST\nSECOND\n");
        runner.run(Command.of("upper").withStdin("third\n").withOutput(out, false), Duration.ofSeconds(10));
        assertThat(Files.readString(out)).isEqualTo("THIRD\n");
        script("deaf", "exit 0");
        assertThat(runner.run(Command.of("deaf").withStdin("x".repeat(1 << 20)), Duration.ofSeconds(10))
                        .succeeded())
                .as("a process that never reads its input")
                .isTrue();
    }

    @Test
    void aProcessThatOutlivesItsLimitIsStopped() throws Exception {
        script("slow", "echo started; exec sleep 30");
        LocalProcessRunner runner = runner();
        ProcessResult r = runner.run(Command.of("slow"), Duration.ofMillis(300));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.output()).isEqualTo("started\n");
        assertThat(r.describeFailure()).isEqualTo("`slow` did not finish in time: started");
        assertThat(runner.liveProcesses()).isEmpty();
    }

    @Test
    void stopEndsTheWholeTreeThisRunnerStartedAndNothingElse() throws Exception {
        script("parent", "sleep 30 & echo $! > \"$1\"; wait");
        // A process this runner did not start, which must survive.
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            LocalProcessRunner runner = runner();
            Path childPid = tmp.resolve("child.pid");
            RunningProcess parent =
                    runner.start(Command.of("parent", childPid.toString()).withOutput(tmp.resolve("p.log"), false));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((!Files.exists(childPid) || Files.readString(childPid).isBlank()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long child = Long.parseLong(Files.readString(childPid).strip());
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);
            assertThat(runner.liveProcesses()).hasSize(1);
            assertThat(parent.isAlive()).isTrue();
            assertThat(parent.exitCode()).isEmpty();
            assertThat(parent.pid()).isPositive();
            assertThat(parent.command().program()).isEqualTo("parent");

            parent.stop(Duration.ofSeconds(5));

            assertThat(parent.isAlive()).isFalse();
            assertThat(parent.exitCode()).isPresent();
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(stranger.isAlive())
                    .as("a process the runner did not start")
                    .isTrue();
            parent.stop(Duration.ofSeconds(1));
        } finally {
            stranger.destroy();
        }
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGraceAndStopAllStopsEveryone() throws Exception {
        script("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.05; done");
        script("calm", "exec sleep 30");
        LocalProcessRunner runner = runner();
        RunningProcess stubborn = runner.start(Command.of("stubborn"));
        RunningProcess calm = runner.start(Command.of("calm"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!stubborn.output().contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        runner.stopAll(Duration.ofMillis(200));
        assertThat(stubborn.isAlive()).isFalse();
        assertThat(calm.isAlive()).isFalse();
        assertThat(runner.liveProcesses()).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsTheProcessAndRethrows() throws Exception {
        script("slow", "exec sleep 30");
        LocalProcessRunner runner = runner();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                runner.run(Command.of("slow"), Duration.ofSeconds(30));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runner.liveProcesses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<RunningProcess> live = runner.liveProcesses();
        t.interrupt();
        t.join(10_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(live).hasSize(1).allMatch(p -> !p.isAlive());
    }

    @Test
    void theSystemSleeperSleepsAndHonoursInterrupts() throws Exception {
        Sleeper.system().sleep(Duration.ZERO);
        long start = System.nanoTime();
        Sleeper.system().sleep(Duration.ofMillis(20));
        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Sleeper.system().sleep(Duration.ZERO)).isInstanceOf(InterruptedException.class);
        assertThat(List.of(1, 2).stream().map(String::valueOf).collect(Collectors.joining()))
                .isEqualTo("12");
    }
}
