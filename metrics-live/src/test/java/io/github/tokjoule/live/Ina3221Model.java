package io.github.tokjoule.live;

/**
 * One INA3221 channel as the kernel's driver exposes it, for accuracy tests: the chip refreshes the channel's register
 * once per {@code update_interval} U, at {@code phase + k·U}, with the mean of {@code samples} S conversions spread
 * over the period that just ended (each conversion a stretch of {@code U / (2 · channels · S)}: shunt and bus
 * voltage of every channel in turn), and a read returns the register's last value. Facts from the kernel's
 * Documentation/hwmon/ina3221.rst ({@code update_interval = C × S × (bus + shunt conversion time)}) and TI's INA3221
 * datasheet (channels converted in turn, averaging over S conversions).
 */
public final class Ina3221Model {

    private final PiecewiseLinear truth;
    private final long updateNanos;
    private final int samples;
    private final int channels;
    private final long phaseNanos;

    /**
     * @param truth the true power
     * @param updateNanos U
     * @param samples S
     * @param channels C
     * @param phaseNanos when a refresh happens, modulo U
     */
    public Ina3221Model(PiecewiseLinear truth, long updateNanos, int samples, int channels, long phaseNanos) {
        this.truth = truth;
        this.updateNanos = updateNanos;
        this.samples = samples;
        this.channels = channels;
        this.phaseNanos = phaseNanos;
    }

    /** {@return the register's power in watts when read at a time} */
    public double readWatts(long epochNanos) {
        long k = Math.floorDiv(epochNanos - phaseNanos, updateNanos);
        long refresh = phaseNanos + k * updateNanos;
        long conversion = updateNanos / (2L * channels * samples);
        double sum = 0;
        for (int m = 1; m <= samples; m++) {
            long end = refresh - updateNanos + m * updateNanos / samples;
            sum += truth.joules(end - conversion, end) / (conversion / 1e9);
        }
        return sum / samples;
    }
}
