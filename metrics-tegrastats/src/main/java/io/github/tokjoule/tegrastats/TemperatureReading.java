package io.github.tokjoule.tegrastats;

/**
 * One temperature token: {@code name@cur C} or, from R39 on, {@code name@cur C/max C}.
 *
 * <p>A value at or below {@value TegrastatsSample#SENTINEL_MAX_CELSIUS} °C is a sentinel for "sensor absent or
 * powered off" (tegrastats prints {@code -256C}): it is kept in {@link #printedCelsius()} but {@link #celsius()} is
 * NaN. Constant placeholders such as {@code PMIC@100C} are real printed values and are kept.
 *
 * @param sensor the sensor name with its printed case ({@code CPU} on R35, {@code cpu} on R36)
 * @param printedCelsius the first value exactly as printed, sentinel included
 * @param celsius the current temperature in °C; NaN for a sentinel
 * @param maxCelsius the second value (maximum since start) in °C when printed and not a sentinel, else NaN
 * @since 0.1.0
 */
public record TemperatureReading(String sensor, double printedCelsius, double celsius, double maxCelsius) {}
