package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.process.LocalProcessRunner;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * How the driver runs on this machine (as opposed to what it measures, which is the plan): the process runner, the
 * sudo prefix of privileged steps, the sleeper and clock, the system files, the system zone, the health-poll
 * interval, the progress listener, and whether executables are checked before a run. Everything has a default for a
 * real Jetson; tests replace the runner's {@code PATH}, the prefix, the sleeper and the system files.
 *
 * @since 0.1.0
 */
public final class DriverSettings {

    private final ProcessRunner processRunner;
    private final List<String> sudoPrefix;
    private final Sleeper sleeper;
    private final Clock clock;
    private final SystemPaths systemPaths;
    private final ZoneId systemZone;
    private final Duration pollInterval;
    private final SweepListener listener;
    private final boolean checkExecutables;
    private final Components.Factory components;

    private DriverSettings(Builder b) {
        this.processRunner = b.processRunner;
        this.sudoPrefix = List.copyOf(b.sudoPrefix);
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.systemPaths = b.systemPaths;
        this.systemZone = b.systemZone;
        this.pollInterval = b.pollInterval;
        this.listener = b.listener;
        this.checkExecutables = b.checkExecutables;
        this.components = b.components;
    }

    /**
     * Returns the defaults for a real Jetson: local processes, {@code sudo -n}, real sleeps, the system clock and
     * zone, the real system files, 2 s health polls (the seed's), no listener.
     *
     * @return the settings
     */
    public static DriverSettings defaults() {
        return builder().build();
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the process runner.
     *
     * @return the runner
     */
    public ProcessRunner processRunner() {
        return processRunner;
    }

    /**
     * Returns the words put before privileged commands.
     *
     * @return the prefix, e.g. {@code [sudo, -n]}
     */
    public List<String> sudoPrefix() {
        return sudoPrefix;
    }

    /**
     * Returns the sleeper used for cooldowns and polling.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Returns the clock that stamps journal events and measures progress.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the system files.
     *
     * @return the paths
     */
    public SystemPaths systemPaths() {
        return systemPaths;
    }

    /**
     * Returns the system's zone: the zone tegrastats prints its stamps in. A plan whose zone has other rules is
     * refused.
     *
     * @return the zone
     */
    public ZoneId systemZone() {
        return systemZone;
    }

    /**
     * Returns the interval between server health polls.
     *
     * @return the interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Returns the progress listener.
     *
     * @return the listener
     */
    public SweepListener listener() {
        return listener;
    }

    /**
     * Returns whether a run first checks that every executable it needs is on the {@code PATH}.
     *
     * @return true if it does
     */
    public boolean checkExecutables() {
        return checkExecutables;
    }

    Components.Factory components() {
        return components;
    }

    /**
     * Builds {@link DriverSettings}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private ProcessRunner processRunner = LocalProcessRunner.create();
        private List<String> sudoPrefix = List.of("sudo", "-n");
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private SystemPaths systemPaths = SystemPaths.linux();
        private ZoneId systemZone = ZoneId.systemDefault();
        private Duration pollInterval = Duration.ofSeconds(2);
        private SweepListener listener = SweepListener.none();
        private boolean checkExecutables = true;
        private Components.Factory components = Components::standard;

        private Builder() {}

        /**
         * Sets the process runner.
         *
         * @param runner the runner
         * @return this builder
         */
        public Builder processRunner(ProcessRunner runner) {
            this.processRunner = runner;
            return this;
        }

        /**
         * Sets the sudo prefix; empty when the driver runs as root.
         *
         * @param prefix the words, e.g. {@code [sudo, -n]}
         * @return this builder
         * @throws IllegalArgumentException if a word is empty
         */
        public Builder sudoPrefix(List<String> prefix) {
            for (String word : prefix) {
                if (word.isEmpty()) {
                    throw new IllegalArgumentException("sudoPrefix must not hold empty words: " + prefix);
                }
            }
            this.sudoPrefix = List.copyOf(prefix);
            return this;
        }

        /**
         * Sets the sleeper.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the system files.
         *
         * @param paths the paths
         * @return this builder
         */
        public Builder systemPaths(SystemPaths paths) {
            this.systemPaths = paths;
            return this;
        }

        /**
         * Sets the system's zone.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder systemZone(ZoneId zone) {
            this.systemZone = zone;
            return this;
        }

        /**
         * Sets the interval between health polls.
         *
         * @param interval the interval, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Sets the progress listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SweepListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Sets whether executables are checked before a run.
         *
         * @param check true to check
         * @return this builder
         */
        public Builder checkExecutables(boolean check) {
            this.checkExecutables = check;
            return this;
        }

        Builder components(Components.Factory factory) {
            this.components = factory;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public DriverSettings build() {
            return new DriverSettings(this);
        }
    }
}
