package io.github.tokjoule.jetson;

import org.jspecify.annotations.Nullable;

/**
 * A Jetson power mode as {@code nvpmodel} knows it: its numeric id and the label people quote (e.g. 0 = {@code 15W},
 * 1 = {@code 25W}, 2 = {@code MAXN_SUPER}, 3 = {@code 7W} on an Orin Nano Super with JetPack 6.2).
 *
 * @param id the nvpmodel id, not negative
 * @param label the label, not blank
 * @since 0.1.0
 */
public record PowerMode(int id, String label) {

    /**
     * Validates the mode.
     *
     * @throws IllegalArgumentException if the id is negative or the label blank
     */
    public PowerMode {
        if (id < 0) {
            throw new IllegalArgumentException("power mode id must not be negative: " + id);
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("power mode label must not be blank: \"" + label + "\"");
        }
    }

    /**
     * Returns the mode.
     *
     * @param id the nvpmodel id
     * @param label the label
     * @return the mode
     */
    public static PowerMode of(int id, String label) {
        return new PowerMode(id, label);
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method handles on
    // first use, several ms of a cold command (docs/PERFORMANCE.md, "Round 5"). Same semantics; the hash is
    // the generated one's (31 · h + component hash, from 0).
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof PowerMode o && id == o.id && label.equals(o.label));
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(id);
        h = 31 * h + label.hashCode();
        return h;
    }
}
