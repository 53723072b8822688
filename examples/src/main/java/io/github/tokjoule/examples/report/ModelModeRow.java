package io.github.tokjoule.examples.report;

/**
 * Power and temperatures of one model at one power mode over its whole benchmark window (seed Tables 6 and 16).
 *
 * @param model the model name
 * @param mode the power-mode label
 * @param powerWatts average power on the report's rail, watts (NaN if unknown)
 * @param cpuCelsius mean CPU temperature, °C (NaN if unknown)
 * @param gpuCelsius mean GPU temperature, °C (NaN if unknown)
 * @param peakJunctionCelsius peak junction temperature, °C (NaN if unknown)
 * @param throttled whether the peak junction temperature reached the throttle threshold
 */
public record ModelModeRow(
        String model,
        String mode,
        double powerWatts,
        double cpuCelsius,
        double gpuCelsius,
        double peakJunctionCelsius,
        boolean throttled) {}
