package io.github.tokjoule.jetson.analysis;

/**
 * One row of the thermal summary (seed Table 16): a model at a mode, over all its analyzed cells.
 *
 * <p>MEASURED: power = total energy over the cells' profiling windows / their total length (time-weighted);
 * SEED_COMPATIBLE: the mean of the cells' sample means (the seed's v2 report). Temperatures: mean CPU and GPU over
 * every sample in the cells' windows, peak junction over them; throttled if the peak reached the threshold.
 *
 * @param model the model
 * @param modeLabel the mode
 * @param cells the cells with thermal data
 * @param powerWatts the power, or NaN
 * @param meanCpuCelsius mean CPU temperature, or NaN
 * @param meanGpuCelsius mean GPU temperature, or NaN
 * @param peakJunctionCelsius peak junction temperature, or NaN
 * @param throttled {@code true} if the peak reached the throttle threshold
 * @since 0.1.0
 */
public record ThermalRow(
        String model,
        String modeLabel,
        int cells,
        double powerWatts,
        double meanCpuCelsius,
        double meanGpuCelsius,
        double peakJunctionCelsius,
        boolean throttled) {}
