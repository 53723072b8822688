package io.github.tokjoule.tegrastats;

import java.util.Arrays;

/**
 * Names of one list (engines, temperatures or rails) by position in the line. tegrastats prints the same names in
 * the same order on every line, so the name at position {@code k} is almost always the one at position {@code k} of
 * the previous line: a short character comparison finds it, without hashing. Misses fall back to the
 * {@link NameTable}. The count of misses since {@link #reset()} tells whether a whole list repeated.
 */
final class PositionalNames {

    private final NameTable table;
    private String[] names = new String[16];
    private char[][] chars = new char[16][];
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

    String get(int position, char[] buf, int from, int to) {
        if (position < names.length) {
            char[] c = chars[position];
            if (c != null && c.length == to - from) {
                int i = 0;
                while (i < c.length && c[i] == buf[from + i]) {
                    i++;
                }
                if (i == c.length) {
                    return names[position];
                }
            }
        } else {
            int n = Math.max(position + 1, names.length * 2);
            names = Arrays.copyOf(names, n);
            chars = Arrays.copyOf(chars, n);
        }
        misses++;
        String s = table.intern(buf, from, to);
        names[position] = s;
        chars[position] = s.toCharArray();
        return s;
    }
}
