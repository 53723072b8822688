package io.github.tokjoule.core.capacity;

/** Argument checks shared by the capacity types. */
final class Checks {

    private Checks() {}

    static double positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
        return v;
    }

    static double nonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and not negative: " + v);
        }
        return v;
    }
}
