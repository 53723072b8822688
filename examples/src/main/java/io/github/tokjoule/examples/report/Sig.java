package io.github.tokjoule.examples.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * A decimal number standing alone in prose: not part of a word, version, date, time or path ({@code qwen2.5},
     * {@code R36.4.3}, {@code 05:30:03.504Z} and {@code ctx2048/gen1.5} are left alone).
     */
    private static final Pattern PROSE_NUMBER = Pattern.compile("(?<![\\w.:/])(\\d+)\\.(\\d+)(?![\\w:/]|\\.\\d)");

    /**
     * Rounds the decimal numbers of a sentence written elsewhere (a flag's reason, a warning) to three significant
     * figures, as {@link #of(double)} does: {@code "up to 251.018 ms"} reads {@code "up to 251 ms"}, {@code "36.111
     * tokens is 43.576 %"} reads {@code "36.1 tokens is 43.6 %"}. Only numbers with more than three significant
     * figures change (no digits are added: {@code 2.0} stays); integers, versions and times are left as they are.
     *
     * @param text the sentence
     * @return the sentence with its long decimals rounded
     */
    static String prose(String text) {
        Matcher m = PROSE_NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String digits = (m.group(1) + m.group(2)).replaceFirst("^0+", "");
            String replacement = m.group();
            if (digits.length() > 3) {
                replacement = of(new BigDecimal(m.group()).doubleValue());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
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
        BigDecimal d;
        if (Math.abs(v) >= Math.pow(10, digits - 1)) {
            d = wholeHalfUp(v);
        } else {
            d = figuresHalfUp(v, digits);
            // Trailing zeros are significant ("2.00"); whole digits beyond the figures are kept ("1235").
            d = d.setScale(Math.max(0, digits - (d.precision() - d.scale())), RoundingMode.HALF_UP);
        }
        String s = d.toPlainString();
        if (s.startsWith("-") && d.signum() == 0) {
            return s.substring(1);
        }
        return s;
    }

    /** {@code v} rounded half-up to a whole number: in double arithmetic, exact below 2^62. */
    private static BigDecimal wholeHalfUp(double v) {
        double a = Math.abs(v);
        if (!(a < 0x1p62)) {
            return new BigDecimal(v).setScale(0, RoundingMode.HALF_UP);
        }
        double floor = Math.floor(a); // exact, and so is a - floor
        long n = (long) floor + (a - floor >= 0.5 ? 1 : 0);
        return BigDecimal.valueOf(v < 0 ? -n : n);
    }

    /**
     * {@code v}'s exact binary value rounded half-up to {@code digits} significant figures. The digits come from
     * {@code |v| × 10^k} in double arithmetic, whose error (an ulp or two of a number below {@code 10^digits}) is far
     * smaller than the margins checked: a value whose part below the last figure is within {@code 1e-6} of one half,
     * or whose leading digit's place is in doubt, is rounded from its exact value ({@code new BigDecimal(v)}, about 50
     * digits for most doubles: that made it the costly part of the report's many numbers, docs/PERFORMANCE.md).
     */
    private static BigDecimal figuresHalfUp(double v, int digits) {
        MathContext figures = new MathContext(digits, RoundingMode.HALF_UP);
        double a = Math.abs(v);
        int k = digits - 1 - (int) Math.floor(Math.log10(a)); // |v| × 10^k has `digits` digits before its point
        if (a >= Double.MIN_NORMAL && digits <= 9 && k >= -22 && k <= 22) {
            double y = k >= 0 ? a * POWERS[k] : a / POWERS[-k]; // powers of ten up to 10^22 are exact doubles
            double low = POWERS[digits - 1];
            if (y < low * (1 - 1e-9)) { // log10 put the leading digit one place too high
                k++;
                y *= 10;
            } else if (y >= low * 10 * (1 + 1e-9)) {
                k--;
                y /= 10;
            }
            double floor = Math.floor(y);
            double below = y - floor;
            if (k >= -22
                    && k <= 22
                    && y >= low * (1 + 1e-9)
                    && y < low * 10 * (1 - 1e-9)
                    && Math.abs(below - 0.5) > 1e-6) {
                long n = (long) floor + (below > 0.5 ? 1 : 0);
                return BigDecimal.valueOf(v < 0 ? -n : n, k).round(figures);
            }
        }
        return new BigDecimal(v).round(figures);
    }

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
}
