package io.github.tokjoule.examples.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as people read them: three significant figures ({@code 251.018 ms} prints {@code 251}, {@code 36.111}
 * prints {@code 36.1}, {@code 0.012345} prints {@code 0.0123}), except that digits before the decimal point are never
 * rounded away ({@code 1234.5} prints {@code 1235}, not {@code 1.23e3}). Rounding is half-up on the decimal value;
 * no exponent, no grouping, root locale. NaN and infinities print as an empty string (callers show a dash).
 */
final class Sig {

    private Sig() {}

    /**
     * Formats to three significant figures.
     *
     * @param v the value
     * @return the digits, or an empty string if {@code v} is not finite
     */
    static String of(double v) {
        return of(v, 3);
    }

    /**
     * Formats to {@code digits} significant figures (at least every digit before the decimal point).
     *
     * @param v the value
     * @param digits the significant figures, at least 1
     * @return the digits, or an empty string if {@code v} is not finite
     */
    static String of(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
        // Trailing zeros are significant ("2.00"); whole digits beyond the figures are kept ("1235").
        d = d.setScale(Math.max(0, digits - (d.precision() - d.scale())), RoundingMode.HALF_UP);
        if (Math.abs(v) >= Math.pow(10, digits - 1)) {
            d = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP);
        }
        String s = d.toPlainString();
        if (s.startsWith("-") && d.signum() == 0) {
            return s.substring(1);
        }
        return s;
    }
}
