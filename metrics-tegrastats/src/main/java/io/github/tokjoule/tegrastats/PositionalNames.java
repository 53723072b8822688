package io.github.tokjoule.tegrastats;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Names of one list (engines, temperatures or rails) by position in the line. tegrastats prints the same names in
 * the same order on every line, so the name at position {@code k} is almost always the one at position {@code k} of
 * the previous line: a comparison of the bytes finds it, without hashing or building a string. Misses fall back to
 * the {@link NameTable}. The count of misses since {@link #reset()} tells whether a whole list repeated.
 */
final class PositionalNames {

    /** Never equal to an ASCII line's bytes: the position holds a name that had other characters. */
    private static final byte[] FORGOTTEN = {LineScanner.NON_ASCII};

    private final NameTable table;
    private String[] names = new String[16];
    private byte[][] bytes = new byte[16][];
    private int misses;

    PositionalNames(NameTable table) {
        this.table = table;
    }

    void reset() {
        misses = 0;
    }

    /** {@return {@code true} if every name since {@link #reset()} was the cached one at its position} */
    boolean allHit() {
        return misses == 0;
    }

    /**
     * The name {@code buf[from, to)}; {@code text} holds the line's characters when it is not all ASCII (the cache
     * then cannot compare bytes, and the position is forgotten).
     */
    String get(int position, byte[] buf, char @Nullable [] text, int from, int to) {
        if (position < names.length) {
            byte[] c = bytes[position];
            if (text == null && c != null && Arrays.equals(c, 0, c.length, buf, from, to)) {
                return names[position];
            }
        } else {
            int n = Math.max(position + 1, names.length * 2);
            names = Arrays.copyOf(names, n);
            bytes = Arrays.copyOf(bytes, n);
        }
        misses++;
        String s = table.intern(buf, text, from, to);
        names[position] = s;
        bytes[position] = text == null ? Arrays.copyOfRange(buf, from, to) : FORGOTTEN;
        return s;
    }
}
