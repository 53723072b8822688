package io.github.tokjoule.tegrastats.time;

/**
 * A convex polygon in the (phase, period) plane, clipped one strip at a time. Vertices are kept in order; each clip
 * is O(vertices), and a strip that would empty the polygon leaves it unchanged.
 */
final class ConvexPolygon {

    private static final double EPS = 1e-12;

    private double[] xs = new double[8];
    private double[] ys = new double[8];
    private int n;
    private double[] tx = new double[8];
    private double[] ty = new double[8];
    private double[] ux = new double[8];
    private double[] uy = new double[8];

    /** The rectangle {@code [x0, x1] × [y0, y1]}. */
    static ConvexPolygon box(double x0, double x1, double y0, double y1) {
        ConvexPolygon p = new ConvexPolygon();
        p.n = 4;
        p.xs[0] = x0;
        p.ys[0] = y0;
        p.xs[1] = x1;
        p.ys[1] = y0;
        p.xs[2] = x1;
        p.ys[2] = y1;
        p.xs[3] = x0;
        p.ys[3] = y1;
        return p;
    }

    int size() {
        return n;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /**
     * Keeps the points with {@code lo <= x + k·y <= hi}.
     *
     * @return {@code false}, leaving the polygon unchanged, if no point satisfies both
     */
    boolean clipStrip(double k, double lo, double hi) {
        ensure(n + 2);
        int m = clip(xs, ys, n, tx, ty, -1, -k, -lo);
        if (m == 0) {
            return false;
        }
        int r = clip(tx, ty, m, ux, uy, 1, k, hi);
        if (r == 0) {
            return false;
        }
        double[] sx = xs;
        double[] sy = ys;
        xs = ux;
        ys = uy;
        ux = sx;
        uy = sy;
        n = r;
        return true;
    }

    /** Sutherland–Hodgman against one half-plane {@code a·x + b·y <= c}; returns the vertex count written. */
    private static int clip(
            double[] px, double[] py, int count, double[] ox, double[] oy, double a, double b, double c) {
        int m = 0;
        for (int i = 0; i < count; i++) {
            int j = i + 1 == count ? 0 : i + 1;
            double fi = a * px[i] + b * py[i] - c;
            double fj = a * px[j] + b * py[j] - c;
            if (fi <= EPS) {
                m = add(ox, oy, m, px[i], py[i]);
            }
            if ((fi < -EPS && fj > EPS) || (fi > EPS && fj < -EPS)) {
                double t = fi / (fi - fj);
                m = add(ox, oy, m, px[i] + t * (px[j] - px[i]), py[i] + t * (py[j] - py[i]));
            }
        }
        if (m > 1 && ox[m - 1] == ox[0] && oy[m - 1] == oy[0]) {
            m--;
        }
        return m;
    }

    private static int add(double[] ox, double[] oy, int m, double x, double y) {
        if (m > 0 && ox[m - 1] == x && oy[m - 1] == y) {
            return m;
        }
        ox[m] = x;
        oy[m] = y;
        return m + 1;
    }

    private void ensure(int capacity) {
        // A clip adds at most one vertex per half-plane.
        if (tx.length < capacity + 2) {
            int c = Math.max(capacity + 2, 2 * tx.length);
            tx = new double[c];
            ty = new double[c];
            ux = new double[c];
            uy = new double[c];
            xs = java.util.Arrays.copyOf(xs, c);
            ys = java.util.Arrays.copyOf(ys, c);
        }
    }

    /** The smallest value of {@code x + k·y} over the polygon. */
    double min(double k) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, xs[i] + k * ys[i]);
        }
        return m;
    }

    /** The largest value of {@code x + k·y} over the polygon. */
    double max(double k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, xs[i] + k * ys[i]);
        }
        return m;
    }

    double minY() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, ys[i]);
        }
        return m;
    }

    double maxY() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, ys[i]);
        }
        return m;
    }

    /** The area centroid {@code (x, y)}; the mean of the vertices when the polygon has (almost) no area. */
    double[] centroid() {
        double area = 0;
        double cx = 0;
        double cy = 0;
        double x0 = xs[0];
        double y0 = ys[0];
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            // relative to the first vertex, for precision on tiny polygons far from the origin
            double xi = xs[i] - x0;
            double yi = ys[i] - y0;
            double xj = xs[j] - x0;
            double yj = ys[j] - y0;
            double cross = xi * yj - xj * yi;
            area += cross;
            cx += (xi + xj) * cross;
            cy += (yi + yj) * cross;
        }
        if (Math.abs(area) > 1e-18) {
            return new double[] {x0 + cx / (3 * area), y0 + cy / (3 * area)};
        }
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += xs[i];
            sy += ys[i];
        }
        return new double[] {sx / n, sy / n};
    }
}
