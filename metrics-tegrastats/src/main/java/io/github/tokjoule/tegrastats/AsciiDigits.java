package io.github.tokjoule.tegrastats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * ASCII digits eight bytes at a time (SWAR), shared by the {@link LineScanner} and the {@link LineTemplate}: a word
 * is the eight bytes at a position read as a little-endian {@code long}, so the first byte is in the lowest bits
 * ({@link LineSource} reads its words for line ends with {@link #word} too).
 */
final class AsciiDigits {

    /** XOR with this turns each digit byte into its value 0..9. */
    static final long ZEROS = 0x3030303030303030L;

    /** Exact powers of ten as {@code long}s, 10^0 to 10^18. */
    static final long[] LONG_POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    /** Exact powers of ten as {@code double}s, 10^0 to 10^18 (all exactly representable). */
    static final double[] POW10 = {
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18
    };

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private AsciiDigits() {}

    /** {@return the eight bytes at {@code p}; the caller guarantees {@code p + 8 <= b.length}} */
    static long word(byte[] b, int p) {
        return (long) LONG_LE.get(b, p);
    }

    /**
     * Flags the bytes of {@code t = word ^ ZEROS} that were not ASCII digits: 0x80 in each such byte, 0 elsewhere.
     * Exact for every byte value (no carry crosses a byte), unlike the shorter zero-byte tricks.
     */
    static long nonDigits(long t) {
        return (((t & 0x7F7F7F7F7F7F7F7FL) + 0x7676767676767676L) | t) & 0x8080808080808080L;
    }

    /**
     * The value of the first {@code n} bytes of {@code t = word ^ ZEROS}, which must be digits, {@code 1 <= n <= 8}.
     */
    static long value(long t, int n) {
        return eightDigits(t << ((8 - n) << 3));
    }

    /**
     * The decimal {@code mantissa × 10^-fractionDigits}, negated if {@code negative}: the one place both the scanner
     * and the template replay turn digits into a {@code double}, so both give the same one. An exact mantissa below
     * 2^53 divided by an exact power of ten rounds correctly, as {@link Double#parseDouble} does.
     */
    static double decimal(long mantissa, int fractionDigits, boolean negative) {
        double v = fractionDigits == 0 ? mantissa : mantissa / POW10[fractionDigits];
        return negative ? -v : v;
    }

    /** The value of eight digits 0..9, one per byte, the first in the lowest byte. */
    static long eightDigits(long t) {
        long v = t * 10 + (t >>> 8); // pairs: 10·d0 + d1 in bytes 0, 2, 4, 6
        long pairs = v & 0x00FF00FF00FF00FFL;
        long quads = (pairs * 100 + (pairs >>> 16)) & 0x0000FFFF0000FFFFL; // 100·p0 + p1 in words 0 and 2
        return (quads & 0xFFFFL) * 10_000 + (quads >>> 32);
    }
}
