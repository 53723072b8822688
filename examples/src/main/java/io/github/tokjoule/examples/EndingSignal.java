package io.github.tokjoule.examples;

import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal is ending the JVM, so that a long-running command's summary names it ({@code Stopped (SIGTERM)} rather
 * than always "Ctrl-C"): a shutdown hook is told that the JVM stops, not why.
 *
 * <p>{@link #install()} puts a handler in front of the JVM's own for SIGINT, SIGTERM and SIGHUP that records the
 * signal's name and then hands the signal to the handler it replaced (the JVM's, which runs the shutdown hooks and
 * exits with 128 + the signal's number: 130, 143, 129), so the exit codes stay those of any Java program. A signal the
 * process inherited as ignored (a job started with {@code &} by a non-interactive shell ignores SIGINT) stays ignored:
 * the JVM refuses to handle it, and so does this class. Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}),
 * the only way a Java program learns which signal arrived.
 */
final class EndingSignal {

    private static final List<String> NAMES = List.of("INT", "TERM", "HUP");

    private static volatile String received = "";
    private static boolean installed;

    private EndingSignal() {}

    /** Installs the handlers once per JVM; later calls do nothing. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (String name : NAMES) {
            Forwarding forwarding = new Forwarding();
            try {
                forwarding.previous = Signal.handle(new Signal(name), forwarding);
            } catch (IllegalArgumentException e) {
                // the platform reserves it (or has no such signal): the JVM's own handling stays, unnamed
            }
        }
    }

    /**
     * {@return how the summary names the signal that ended the JVM: {@code Ctrl-C} for SIGINT (what a terminal sends
     * on Ctrl-C), {@code SIGTERM}, {@code SIGHUP}; {@code shutdown} when no handled signal arrived (the JVM was ended
     * some other way, or {@link #install()} was not called)}
     */
    static String describe() {
        String name = received;
        return switch (name) {
            case "" -> "shutdown";
            case "INT" -> "Ctrl-C";
            default -> "SIG" + name;
        };
    }

    /** For tests: the handlers' state as if no signal had arrived. */
    static void reset() {
        received = "";
    }

    /** Records the signal, then lets the handler it replaced act as it would have. */
    private static final class Forwarding implements SignalHandler {
        volatile SignalHandler previous = SignalHandler.SIG_DFL;

        @Override
        public void handle(Signal signal) {
            received = signal.getName();
            SignalHandler p = previous;
            if (p == SignalHandler.SIG_IGN) {
                return;
            }
            if (p == SignalHandler.SIG_DFL) {
                // the default action of these three signals ends the process; as the JVM would, with 128 + number
                Runtime.getRuntime().exit(128 + signal.getNumber());
                return;
            }
            p.handle(signal);
        }
    }
}
