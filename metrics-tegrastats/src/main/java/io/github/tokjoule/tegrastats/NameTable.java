package io.github.tokjoule.tegrastats;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Interns field names straight from the line buffer, so that the names repeated on every line ({@code VDD_IN},
 * {@code cpu}, {@code GR3D_FREQ}) are allocated once per parser rather than once per line. The table stops caching
 * after {@value #MAX_ENTRIES} names so that garbage input cannot grow it without bound.
 */
final class NameTable {

    static final int MAX_ENTRIES = 1024;
    private static final int SLOTS = 4096; // power of two, 4 × MAX_ENTRIES: short probe sequences

    private final String[] keys = new String[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private int size;

    /**
     * The name {@code buf[from, to)}: ASCII bytes, unless {@code text} is given, which then holds the line's
     * characters (the bytes of non-ASCII characters are only placeholders).
     */
    String intern(byte[] buf, char @Nullable [] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + (text != null ? text[i] : buf[i]);
        }
        int mask = SLOTS - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String k = keys[slot];
            if (k == null) {
                String s = text != null
                        ? new String(text, from, to - from)
                        : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < MAX_ENTRIES) {
                    keys[slot] = s;
                    hashes[slot] = h;
                    size++;
                }
                return s;
            }
            if (hashes[slot] == h && same(k, buf, text, from, to)) {
                return k;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private static boolean same(String k, byte[] buf, char @Nullable [] text, int from, int to) {
        int n = to - from;
        if (k.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (k.charAt(i) != (text != null ? text[from + i] : (char) buf[from + i])) {
                return false;
            }
        }
        return true;
    }
}
